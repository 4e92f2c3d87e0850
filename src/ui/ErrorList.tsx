/**
 * The latest problems with outside input (scene, URL, tiles, feed, WebGL), newest first, each with
 * where it came from: a headline in the UI language (by the problem's kind, else its category),
 * then the machine's reason as it was written, in English, for whoever fixes it. Dismissing hides an entry; the counters keep counting. The list can be
 * folded to its header so it does not cover the city; a new problem unfolds it again.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../state/hooks';

/** Enough to see a pattern without covering the map. */
export const ERRORS_SHOWN = 5;

export function ErrorList() {
  const { t } = useTranslation();
  const errors = useAppStore((s) => s.errors);
  const dismiss = useAppStore((s) => s.dismissError);
  const clear = useAppStore((s) => s.clearErrors);
  const [folded, setFolded] = useState(false);
  const newest = errors[errors.length - 1]?.seq;
  useEffect(() => setFolded(false), [newest]);
  if (!errors.length) return null;
  const latest = errors.slice(-ERRORS_SHOWN).reverse();
  return (
    <section className="st-errors st-panel" aria-label={t('errors.title')}>
      <header className="st-errors__head">
        <h2 className="st-section__title">{t('errors.title')}</h2>
        {errors.length > ERRORS_SHOWN && (
          <span className="st-muted">{t('errors.more', { n: errors.length - ERRORS_SHOWN })}</span>
        )}
        <button
          type="button"
          className="st-btn st-btn--small"
          aria-expanded={!folded}
          onClick={() => setFolded((f) => !f)}
        >
          {folded ? t('errors.unfold', { n: errors.length }) : t('errors.fold')}
        </button>
        <button type="button" className="st-btn st-btn--small" onClick={() => clear()}>
          {t('errors.clearAll')}
        </button>
      </header>
      <ul className="st-errors__list" aria-live="polite" hidden={folded}>
        {latest.map((e) => (
          <li key={e.seq} className="st-error" data-category={e.category}>
            <span className={`st-badge st-badge--err-${e.category}`}>{t(`errors.category.${e.category}`)}</span>
            <span className="st-error__text">
              <span className="st-error__headline" data-testid="error-headline">
                {t(`errors.headline.${e.kind ?? e.category}`, { defaultValue: t(`errors.headline.${e.category}`) })}
              </span>
              <span className="st-error__sep" aria-hidden="true">
                {' · '}
              </span>
              <span className="st-error__source st-mono">{e.source}</span>
              <span className="st-error__sep" aria-hidden="true">
                {' · '}
              </span>
              <span className="st-error__message" lang="en" title={t('errors.detail')}>
                {e.message}
              </span>
            </span>
            <button
              type="button"
              className="st-icon-btn st-icon-btn--small"
              aria-label={t('errors.dismiss', { source: e.source })}
              onClick={() => dismiss(e.seq)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
