/**
 * About the app and its data: each zone's sources, that generated buildings are synthetic, and
 * the OpenStreetMap ODbL notice. A modal: focus moves in on open and back on close, Escape closes,
 * Tab stays inside.
 */
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scene } from '../scene/schema';
import { useAppStore } from '../state/hooks';
import { localText } from './localText';

export const OSM_COPYRIGHT_URL = 'https://www.openstreetmap.org/copyright';
export const ODBL_URL = 'https://opendatacommons.org/licenses/odbl/1-0/';

export function AboutDialog({ scenes, onClose }: { scenes: Scene[]; onClose: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const lang = useAppStore((s) => s.language);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    ref.current?.querySelector<HTMLElement>('button')?.focus();
    return () => before?.focus();
  }, []);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    } else if (e.key === 'Tab' && ref.current) {
      const f = ref.current.querySelectorAll<HTMLElement>('a[href], button');
      const first = f[0];
      const last = f[f.length - 1];
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last?.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first?.focus();
      }
    }
  };

  return (
    <div className="st-modal" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={ref}
        className="st-panel st-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
      >
        <header className="st-dialog__head">
          <h2 id={titleId}>{t('about.title')}</h2>
          <button type="button" className="st-icon-btn" aria-label={t('common.close')} onClick={onClose}>
            ×
          </button>
        </header>
        <p>{t('about.intro')}</p>
        <h3>{t('about.sources')}</h3>
        <ul className="st-dialog__list">
          {scenes.map((s) => (
            <li key={s.id}>
              <strong>{s.name[lang]}</strong>
              <ul>
                {s.attribution.map((a, i) => (
                  <li key={i}>
                    {a.url ? (
                      <a href={a.url} target="_blank" rel="noopener noreferrer">
                        {localText(a.text, lang)}
                      </a>
                    ) : (
                      localText(a.text, lang)
                    )}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
        <h3>{t('about.generatedTitle')}</h3>
        <p>{t('about.generated')}</p>
        <h3>{t('about.osmTitle')}</h3>
        <p>
          {t('about.osm')}{' '}
          <a href={OSM_COPYRIGHT_URL} target="_blank" rel="noopener noreferrer">
            {t('about.osmCredit')}
          </a>
          {' · '}
          <a href={ODBL_URL} target="_blank" rel="noopener noreferrer">
            {t('about.odbl')}
          </a>
        </p>
      </div>
    </div>
  );
}
