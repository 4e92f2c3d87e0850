/**
 * The automatic 3D diff as text: counts by kind (colour and word, never colour alone) and one
 * entry per changed building. Choosing an entry flies the camera to it and changes no selection.
 */
import { useTranslation } from 'react-i18next';
import { DIFF_COLORS, DIFF_KINDS } from '../../analysis/planning/colors';
import type { DiffEntry, DiffResult } from '../../analysis/planning/types';
import { useAppStore } from '../../state/hooks';
import { formatNumber, localName } from '../live/format';

/** Camera distance when flying to a building of the diff: a site-scale view around it. */
export const DIFF_FLY_RADIUS_M = 80;
/** A site has tens of buildings; a pathological import must not render thousands of rows. */
export const DIFF_LIST_MAX = 100;

export function DiffList({ diff }: { diff: DiffResult }) {
  const { t } = useTranslation();
  const lang = useAppStore((s) => s.language);
  const flyToTarget = useAppStore((s) => s.flyToTarget);
  const changed = diff.entries.filter((e) => e.kind !== 'unchanged');
  const shown = changed.slice(0, DIFF_LIST_MAX);
  const height = (h: number | null) => (h === null ? t('planning.none') : `${formatNumber(h, lang, 1)} m`);
  const fly = (e: DiffEntry) => flyToTarget([e.x, e.y, e.heightB ?? e.heightA ?? 0], DIFF_FLY_RADIUS_M);

  return (
    <div className="st-plan-diff" data-testid="plan-diff">
      <h3 className="st-legend__title">{t('planning.diff.title')}</h3>
      <ul className="st-plan-diff__counts">
        {DIFF_KINDS.map((k) => (
          <li key={k} data-testid={`diff-count-${k}`} data-count={diff[k]}>
            <span className="st-swatch" style={{ background: DIFF_COLORS[k] }} aria-hidden="true" />
            {t(`planning.diff.${k}`)} <strong>{diff[k]}</strong>
          </li>
        ))}
      </ul>
      {changed.length === 0 ? (
        <p className="st-note">{t('planning.diff.empty')}</p>
      ) : (
        <ul className="st-plan-diff__list">
          {shown.map((e) => {
            const name = localName(e.name, lang, e.id);
            return (
              <li key={`${e.kind}:${e.id}:${e.otherId ?? ''}`}>
                <button
                  type="button"
                  className="st-plan-diff__entry"
                  data-kind={e.kind}
                  title={t('planning.diff.flyTo', { name })}
                  onClick={() => fly(e)}
                >
                  <span className={`st-badge st-badge--small st-plan-kind--${e.kind}`}>{t(`planning.diff.${e.kind}`)}</span>
                  <span className="st-plan-diff__name">{name}</span>
                  <span className="st-plan-diff__heights">
                    {t('planning.diff.heights', { a: height(e.heightA), b: height(e.heightB) })}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {changed.length > shown.length && <p className="st-note">{t('planning.diff.more', { n: changed.length - shown.length })}</p>}
    </div>
  );
}
