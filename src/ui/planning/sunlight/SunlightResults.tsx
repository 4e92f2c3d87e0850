/**
 * The last run's result: counts, the hours range and legend, the failing buildings and windows
 * (worst first; a row flies to its window), the impact list of an impact or comparison run, and
 * the CSV export and printable report. Every view of a result carries the label 方案参考，非报建结论.
 * The rows come from the result holder (src/state/sunlightResults.ts), the counts from the store.
 */
import { useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultRow } from '../../../analysis/sunlight/worker/protocol';
import { hoursColorHex } from '../../../layers/sunlight/colorRamp';
import { useAppStore } from '../../../state/hooks';
import { subscribeSunlightResults, sunlightResults, sunlightResultsVersion } from '../../../state/sunlightResults';
import { failingBuildings, failingWindows, formatHours } from './resultTables';
import { FailingBuildingRows } from './FailingBuildingRows';

/** Rows shown in the panel; the CSV has them all. */
export const MAX_TABLE_ROWS = 30;
/** Close enough to read the window's colour, far enough to see its facade. */
export const WINDOW_FLY_RADIUS_M = 45;

interface Props {
  onExportCsv(): void;
  onPrint(): void;
  onClear(): void;
  stateName(id: string): string;
}

export function SunlightResults({ onExportCsv, onPrint, onClear, stateName }: Props) {
  const { t } = useTranslation();
  useSyncExternalStore(subscribeSunlightResults, sunlightResultsVersion);
  const results = sunlightResults();
  const lang = useAppStore((s) => s.language);
  const run = useAppStore((s) => s.sunlightRun);
  const settings = useAppStore((s) => s.sunlightSettings);
  const flyToTarget = useAppStore((s) => s.flyToTarget);

  const tables = useMemo(() => {
    if (!results) return null;
    const byId = new Map(results.primary.map((r) => [r.id, r]));
    return { windows: failingWindows(results.primary), buildings: failingBuildings(results.primary), byId };
  }, [results]);

  if (run.status !== 'done' || !run.summary || !results || results.seq !== run.runSeq || !tables) return null;
  const sum = run.summary;
  const name = (id: string) => results.buildingNames[id]?.[lang] || id;
  const fly = (r: ResultRow) => flyToTarget(r.position, WINDOW_FLY_RADIUS_M);
  const swatch = (h: number) => <span className="st-sun-swatch" style={{ background: hoursColorHex(h, results.minHours, results.windowHours) }} aria-hidden="true" />;
  const impactTitle = settings.mode === 'compare' ? t('planning.sunlight.impact.compareTitle') : t('planning.sunlight.impact.title');
  const other = run.otherSummary;

  return (
    <section className="st-sun-results" aria-label={t('planning.sunlight.results.title')} data-testid="sunlight-results">
      <h3 className="st-sun-subtitle">
        {t('planning.sunlight.results.title')} <span className="st-badge st-badge--warn st-badge--small">{t('planning.sunlight.label')}</span>
      </h3>
      <p className="st-note">{t('planning.sunlight.results.state', { name: stateName(settings.stateId) })}</p>
      <dl className="st-sun-summary">
        <dt>{t('planning.sunlight.results.receivers')}</dt>
        <dd data-testid="sunlight-receivers">{sum.receivers}</dd>
        <dt>{t('planning.sunlight.results.passed')}</dt>
        <dd data-testid="sunlight-passed">{sum.passed}</dd>
        <dt>{t('planning.sunlight.results.failed')}</dt>
        <dd data-testid="sunlight-failed">{sum.failed}</dd>
        <dt>{t('planning.sunlight.results.range')}</dt>
        <dd>
          {formatHours(sum.minHours)} – {formatHours(sum.maxHours)}
        </dd>
      </dl>
      <p className="st-note st-sun-legend">
        {swatch(0)}
        {swatch(results.minHours * 0.99)}
        {swatch(results.minHours)}
        {swatch(results.windowHours)} {t('planning.sunlight.results.legend')}
      </p>

      {settings.mode !== 'state' && other && (
        <div className="st-sun-impact" data-testid="sunlight-impact">
          <h4>{impactTitle}</h4>
          <p className="st-note">
            {settings.mode === 'impact'
              ? t('planning.sunlight.impact.summaryBefore', { passed: other.passed, receivers: other.receivers })
              : t('planning.sunlight.impact.summaryB', { passed: other.passed, receivers: other.receivers })}
          </p>
          <p>
            {t('planning.sunlight.impact.worsened')}: <strong>{run.impact?.worsened ?? 0}</strong> · {t('planning.sunlight.impact.newlyFailing')}:{' '}
            <strong>{run.impact?.newlyFailing ?? 0}</strong>
          </p>
          {results.impact.length === 0 ? (
            <p className="st-note">{t('planning.sunlight.impact.none')}</p>
          ) : (
            <table className="st-sun-table">
              <thead>
                <tr>
                  <th scope="col">{t('planning.sunlight.results.building')}</th>
                  <th scope="col">{t('planning.sunlight.results.floor')}</th>
                  <th scope="col">{t('planning.sunlight.impact.before')}</th>
                  <th scope="col">{t('planning.sunlight.impact.after')}</th>
                </tr>
              </thead>
              <tbody>
                {results.impact.slice(0, MAX_TABLE_ROWS).map((row) => {
                  const r = tables.byId.get(row.receiverId);
                  return (
                    <tr key={row.receiverId} data-newly-failing={row.newlyFailing || undefined}>
                      <td>
                        <button type="button" className="st-link-btn st-sun-rowbtn" disabled={!r} onClick={() => r && fly(r)}>
                          {r ? name(r.buildingId) : row.receiverId}
                        </button>
                        {row.newlyFailing && <span className="st-badge st-badge--warn st-badge--small">{t('planning.sunlight.impact.newlyFailing')}</span>}
                      </td>
                      <td>{r?.floor ?? ''}</td>
                      <td>{formatHours(row.beforeHours)}</td>
                      <td>{formatHours(row.afterHours)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          {results.impact.length > MAX_TABLE_ROWS && <p className="st-note">{t('planning.sunlight.results.more', { n: results.impact.length - MAX_TABLE_ROWS })}</p>}
        </div>
      )}

      {tables.windows.length === 0 ? (
        <p className="st-note">{t('planning.sunlight.results.none')}</p>
      ) : (
        <>
          <h4>{t('planning.sunlight.results.failingBuildings')}</h4>
          <table className="st-sun-table" data-testid="sunlight-failing-buildings">
            <thead>
              <tr>
                <th scope="col">{t('planning.sunlight.results.building')}</th>
                <th scope="col">{t('planning.sunlight.results.windows')}</th>
                <th scope="col">{t('planning.sunlight.results.floors')}</th>
                <th scope="col">{t('planning.sunlight.results.hours')}</th>
              </tr>
            </thead>
            <tbody>
              <FailingBuildingRows rows={tables.buildings.slice(0, MAX_TABLE_ROWS)} name={name} />
            </tbody>
          </table>
          <h4>{t('planning.sunlight.results.failingWindows')}</h4>
          <table className="st-sun-table" data-testid="sunlight-failing-windows">
            <thead>
              <tr>
                <th scope="col">{t('planning.sunlight.results.building')}</th>
                <th scope="col">{t('planning.sunlight.results.floor')}</th>
                <th scope="col">{t('planning.sunlight.results.facade')}</th>
                <th scope="col">{t('planning.sunlight.results.hours')}</th>
                <th scope="col">{t('planning.sunlight.results.longest')}</th>
              </tr>
            </thead>
            <tbody>
              {tables.windows.slice(0, MAX_TABLE_ROWS).map((r) => (
                <tr key={r.id} data-receiver={r.id}>
                  <td>
                    <button
                      type="button"
                      className="st-link-btn st-sun-rowbtn"
                      aria-label={t('planning.sunlight.results.flyTo', { name: name(r.buildingId), floor: r.floor })}
                      onClick={() => fly(r)}
                    >
                      {swatch(r.hours)} {name(r.buildingId)}
                    </button>
                  </td>
                  <td>{r.floor}</td>
                  <td>{r.facade}</td>
                  <td>{formatHours(r.hours)}</td>
                  <td>{formatHours(r.longestContinuousH)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {tables.windows.length > MAX_TABLE_ROWS && <p className="st-note">{t('planning.sunlight.results.more', { n: tables.windows.length - MAX_TABLE_ROWS })}</p>}
        </>
      )}
      <p className="st-note st-note--warn">{t('planning.sunlight.labelNote')}</p>
      <div className="st-row">
        <button type="button" className="st-btn st-sun-btn" onClick={onExportCsv}>
          {t('planning.sunlight.results.exportCsv')}
        </button>
        <button type="button" className="st-btn st-sun-btn" onClick={onPrint}>
          {t('planning.sunlight.results.print')}
        </button>
        <button type="button" className="st-btn st-sun-btn" onClick={onClear}>
          {t('planning.sunlight.results.clear')}
        </button>
      </div>
    </section>
  );
}
