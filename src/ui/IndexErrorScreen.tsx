/** Shown when the zone list itself cannot be read: says which file failed and why, and offers a retry. */
import { useTranslation } from 'react-i18next';
import type { SceneIssue } from '../scene/validate';
import { LandingBrand } from './LandingBrand';
import { LanguageSwitch } from './LanguageSwitch';
import { SceneIssueList } from './SceneIssueList';

export function IndexErrorScreen({ issues, onRetry }: { issues: SceneIssue[]; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="st-landing">
      <header className="st-landing__head">
        <LandingBrand />
        <LanguageSwitch />
      </header>
      <main className="st-landing__main">
        <section className="st-panel st-message" role="alert">
          <h1>{t('app.indexError')}</h1>
          <SceneIssueList issues={issues} />
          <button type="button" className="st-btn" onClick={onRetry}>
            {t('common.retry')}
          </button>
        </section>
      </main>
    </div>
  );
}
