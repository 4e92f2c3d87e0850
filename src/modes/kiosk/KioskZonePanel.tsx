/** The demonstration zones as large choices; the open one is marked and cannot be chosen again. */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/hooks';

interface Props {
  onPick(zoneId: string): void;
  onClose(): void;
}

export function KioskZonePanel({ onPick, onClose }: Props) {
  const { t } = useTranslation();
  const lang = useAppStore((s) => s.language);
  const zones = useAppStore((s) => s.zones);
  const current = useAppStore((s) => s.currentZoneId);
  return (
    <section className="st-kiosk-panel st-panel" aria-label={t('modes.kioskShell.zonesTitle')}>
      <header className="st-kiosk-panel__head">
        <h2 className="st-kiosk-panel__title">{t('modes.kioskShell.zonesTitle')}</h2>
        <button type="button" className="st-btn st-kiosk-btn" onClick={onClose}>
          {t('modes.kioskShell.close')}
        </button>
      </header>
      <ul className="st-kiosk-panel__list">
        {zones.flatMap((z) =>
          z.scene
            ? [
                <li key={z.id}>
                  <button
                    type="button"
                    className="st-kiosk-choice"
                    aria-current={z.id === current || undefined}
                    disabled={z.id === current}
                    onClick={() => onPick(z.id)}
                  >
                    <span className="st-kiosk-choice__name">{z.scene.name[lang]}</span>
                    <span className="st-kiosk-choice__text">{z.id === current ? t('modes.kioskShell.current') : z.scene.description[lang]}</span>
                  </button>
                </li>,
              ]
            : [],
        )}
      </ul>
    </section>
  );
}
