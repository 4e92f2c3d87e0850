/**
 * Landing screen: one card per demonstration zone, named in both languages. A zone whose scene
 * file is broken gets a card that says which file, where and why; the others stay usable.
 */
import { useTranslation } from 'react-i18next';
import { HTML_LANG } from '../app/i18n';
import { enterZone } from '../app/zoneActions';
import { useAppStore, useAppStoreApi } from '../state/hooks';
import { LandingBrand } from './LandingBrand';
import { LanguageSwitch } from './LanguageSwitch';
import { ModePicker } from './ModePicker';
import { SceneIssueList } from './SceneIssueList';

export function ZonePicker({ onAbout }: { onAbout: () => void }) {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const zones = useAppStore((s) => s.zones);
  const lang = useAppStore((s) => s.language);
  const other = lang === 'zh' ? 'en' : 'zh';

  return (
    <div className="st-landing">
      <header className="st-landing__head">
        <LandingBrand />
        <div className="st-landing__tools">
          <LanguageSwitch />
          <button type="button" className="st-btn" onClick={onAbout}>
            {t('topbar.about')}
          </button>
        </div>
      </header>
      <main className="st-landing__main">
        <h1 className="st-landing__title">{t('zone.pickTitle')}</h1>
        <p className="st-landing__hint">{t('zone.pickHint')}</p>
        <ModePicker />
        <ul className="st-zone-cards">
          {zones.map((z) =>
            z.scene ? (
              <li key={z.id}>
                <button
                  type="button"
                  className="st-zone-card st-panel"
                  data-zone={z.id}
                  aria-label={t('zone.enterZone', { name: z.scene.name[lang] })}
                  aria-describedby={`st-zone-desc-${z.id}`}
                  onClick={() => z.scene && enterZone(store, z.scene)}
                >
                  <span className="st-zone-card__name">{z.scene.name[lang]}</span>
                  <span className="st-zone-card__alt" lang={HTML_LANG[other]}>
                    {z.scene.name[other]}
                  </span>
                  <span className="st-zone-card__desc" id={`st-zone-desc-${z.id}`}>
                    {z.scene.description[lang]}
                  </span>
                  <span className="st-zone-card__meta">
                    {t('zone.viewpointCount', { n: z.scene.viewpoints.length })}
                  </span>
                  <span className="st-zone-card__enter" aria-hidden="true">
                    {t('zone.enter')} →
                  </span>
                </button>
              </li>
            ) : (
              <li key={z.id}>
                <article className="st-zone-card st-zone-card--broken st-panel" data-zone={z.id} aria-label={z.id}>
                  <span className="st-zone-card__name st-mono">{z.id}</span>
                  <span className="st-zone-card__error" role="alert">
                    {t('zone.broken')}
                  </span>
                  <SceneIssueList issues={z.issues} />
                </article>
              </li>
            ),
          )}
        </ul>
      </main>
    </div>
  );
}
