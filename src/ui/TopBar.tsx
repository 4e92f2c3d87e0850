/**
 * The bar across the top inside a zone: product name (back to the zone picker), zone switcher,
 * building search, engine and language switches, share link, screenshot export and About.
 */
import { useTranslation } from 'react-i18next';
import { leaveZone } from '../app/zoneActions';
import type { Scene } from '../scene/schema';
import { useAppStoreApi } from '../state/hooks';
import { BuildingSearch } from './BuildingSearch';
import { CopyLinkButton } from './CopyLinkButton';
import { EngineToggle } from './EngineToggle';
import { ExportButton } from './export/ExportButton';
import { LanguageSwitch } from './LanguageSwitch';
import { ZoneSwitcher } from './ZoneSwitcher';

interface Props {
  scene: Scene;
  getShareUrl: () => string;
  onAbout: () => void;
}

export function TopBar({ scene, getShareUrl, onAbout }: Props) {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  return (
    <header className="st-topbar st-panel">
      <button type="button" className="st-brand" onClick={() => leaveZone(store)} title={t('zone.backToPicker')}>
        <span className="st-brand__zh" lang="zh-CN">
          {t('app.name')}
        </span>
        <span className="st-brand__en" lang="en">
          {t('app.nameEn')}
        </span>
        <span className="st-visually-hidden">{t('zone.backToPicker')}</span>
      </button>
      <ZoneSwitcher />
      {/* Keyed by zone: each zone has its own index and query. */}
      <BuildingSearch key={scene.id} scene={scene} />
      <div className="st-topbar__tools">
        <EngineToggle />
        <LanguageSwitch />
        <CopyLinkButton getUrl={getShareUrl} />
        <ExportButton scene={scene} />
        <button type="button" className="st-btn" onClick={onAbout}>
          {t('topbar.about')}
        </button>
      </div>
    </header>
  );
}
