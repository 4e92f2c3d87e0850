/**
 * The buildings of a height-limit result that rise above the limit, largest excess first, each
 * with its height and excess and a button that flies the camera to its roof (the same fly request
 * the sunlight tables use).
 */
import { useTranslation } from 'react-i18next';
import type { HeightLimitReport } from '../../../analysis/heightLimit/types';
import { useAppStore } from '../../../state/hooks';
import { formatMetres } from './valueFormat';

/** Rows shown; the GeoJSON export and the test hook have them all. */
export const MAX_EXCEEDANCE_ROWS = 50;
/** Far enough to see a tower whole against its limit, near enough to tell it from its neighbours. */
export const EXCEEDANCE_FLY_MIN_RADIUS_M = 80;
export const EXCEEDANCE_FLY_HEIGHT_FACTOR = 1.5;

export function exceedanceFlyRadiusM(heightM: number): number {
  return Math.max(EXCEEDANCE_FLY_MIN_RADIUS_M, heightM * EXCEEDANCE_FLY_HEIGHT_FACTOR);
}

export function HeightLimitTable({ report }: { report: HeightLimitReport }) {
  const { t } = useTranslation();
  const lang = useAppStore((s) => s.language);
  const flyToTarget = useAppStore((s) => s.flyToTarget);
  const m = (v: number) => formatMetres(v, t, lang) ?? '';
  if (report.exceedances.length === 0) return <p className="st-note">{t('planning.tools.detail.noneOver')}</p>;
  return (
    <>
      <table className="st-tools-table" data-testid="height-limit-table">
        <thead>
          <tr>
            <th scope="col">{t('planning.tools.detail.building')}</th>
            <th scope="col">{t('planning.tools.detail.height')}</th>
            <th scope="col">{t('planning.tools.detail.excess')}</th>
          </tr>
        </thead>
        <tbody>
          {report.exceedances.slice(0, MAX_EXCEEDANCE_ROWS).map((e) => {
            const name = e.name[lang] || e.id;
            return (
              <tr key={e.id} data-building={e.id}>
                <td>
                  <button
                    type="button"
                    className="st-link-btn st-tools-rowbtn"
                    aria-label={t('planning.tools.detail.flyTo', { name })}
                    onClick={() => flyToTarget([e.x, e.y, e.baseM + e.heightM], exceedanceFlyRadiusM(e.heightM))}
                  >
                    {name}
                  </button>
                </td>
                <td>{m(e.heightM)}</td>
                <td>{m(e.excessM)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {report.exceedances.length > MAX_EXCEEDANCE_ROWS && (
        <p className="st-note">{t('planning.tools.detail.more', { n: report.exceedances.length - MAX_EXCEEDANCE_ROWS })}</p>
      )}
    </>
  );
}
