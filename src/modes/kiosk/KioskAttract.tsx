/**
 * The attract loop's "touch to start", in both languages (whoever walks up reads one), over a
 * full-screen catcher. The catcher only has to be there and take the touch: the idle hook stops
 * the waking gesture at the shell's root, so nothing under it reacts.
 */
import { useTranslation } from 'react-i18next';

export function KioskAttract() {
  const { t } = useTranslation();
  return (
    <div className="st-kiosk-attract" data-testid="kiosk-attract" aria-label={t('modes.kioskShell.attractLabel')} role="presentation">
      <div className="st-kiosk-attract__prompt" data-testid="kiosk-attract-prompt">
        <span lang="zh-CN">{t('modes.kioskShell.touchToStart', { lng: 'zh' })}</span>
        <span lang="en" className="st-kiosk-attract__alt">
          {t('modes.kioskShell.touchToStart', { lng: 'en' })}
        </span>
      </div>
    </div>
  );
}
