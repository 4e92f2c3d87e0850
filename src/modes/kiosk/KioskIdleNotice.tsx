/**
 * "Still there?" with the seconds left before the kiosk goes back to its start. Any touch anywhere
 * keeps the session (the idle hook sees it); the button is there because people look for one.
 */
import { useTranslation } from 'react-i18next';

export function KioskIdleNotice({ secondsLeft }: { secondsLeft: number | null }) {
  const { t } = useTranslation();
  return (
    <div className="st-kiosk-notice" role="alertdialog" aria-labelledby="st-kiosk-notice-title" data-testid="kiosk-idle-notice">
      <div className="st-kiosk-notice__card st-panel">
        <h2 id="st-kiosk-notice-title" className="st-kiosk-notice__title">
          {t('modes.kioskShell.stillThere')}
        </h2>
        <p className="st-kiosk-notice__count" aria-live="assertive">
          {t('modes.kioskShell.resetIn', { s: secondsLeft ?? 0 })}
        </p>
        <button type="button" className="st-btn st-kiosk-btn st-kiosk-btn--primary">
          {t('modes.kioskShell.keepUsing')}
        </button>
      </div>
    </div>
  );
}
