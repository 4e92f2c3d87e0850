/**
 * The kiosk's only controls besides the view and the story card: the zone's name, 回到首页
 * (always there, so a lost visitor has one way back), zones and stories (each a panel of large
 * choices), and the language. Nothing else: strangers at a touch screen get few choices.
 */
import { useTranslation } from 'react-i18next';
import type { Scene } from '../../scene/schema';
import { useAppStore } from '../../state/hooks';
import { LanguageSwitch } from '../../ui/LanguageSwitch';

export type KioskPanel = 'zones' | 'stories' | null;

interface Props {
  scene: Scene;
  panel: KioskPanel;
  onHome(): void;
  onPanel(panel: KioskPanel): void;
  /** Zones other than this one that can be opened; none hides the zones button. */
  otherZones: number;
}

export function KioskTopBar({ scene, panel, onHome, onPanel, otherZones }: Props) {
  const { t } = useTranslation();
  const lang = useAppStore((s) => s.language);
  const stories = scene.stories?.length ?? 0;
  const toggle = (p: Exclude<KioskPanel, null>) => onPanel(panel === p ? null : p);
  return (
    <header className="st-kiosk-bar st-panel">
      <h1 className="st-kiosk-bar__title">{scene.name[lang]}</h1>
      <nav className="st-kiosk-bar__actions" aria-label={t('modes.kioskShell.label')}>
        <button type="button" className="st-btn st-kiosk-btn st-kiosk-btn--home" data-testid="kiosk-home" onClick={onHome}>
          <span aria-hidden="true">⌂</span> {t('modes.kioskShell.home')}
        </button>
        {otherZones > 0 && (
          <button type="button" className="st-btn st-kiosk-btn" aria-expanded={panel === 'zones'} onClick={() => toggle('zones')}>
            {t('modes.kioskShell.zones')}
          </button>
        )}
        {stories > 0 && (
          <button type="button" className="st-btn st-kiosk-btn" aria-expanded={panel === 'stories'} data-testid="kiosk-stories" onClick={() => toggle('stories')}>
            {t('modes.kioskShell.stories')}
          </button>
        )}
        <LanguageSwitch />
      </nav>
    </header>
  );
}
