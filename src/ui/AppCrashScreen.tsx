/**
 * Last-resort screen if the shell itself fails to render: the reason, a retry, and a reload that
 * keeps the URL (and with it the shared view state).
 */
import { useTranslation } from 'react-i18next';

export function AppCrashScreen({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="st-landing">
      <main className="st-landing__main">
        <section className="st-panel st-message" role="alert">
          <h1>{t('app.crashed')}</h1>
          <p className="st-mono">{error.message}</p>
          <div className="st-row">
            <button type="button" className="st-btn" onClick={onRetry}>
              {t('common.retry')}
            </button>
            <button type="button" className="st-btn" onClick={() => window.location.reload()}>
              {t('app.reload')}
            </button>
          </div>
        </section>
      </main>
    </div>
  );
}
