/**
 * The compliance board of the active site: every state's indicators against the plot's limits,
 * with the difference of two states, as a scheme reference (方案参考) on illustrative (示意) limits.
 * Exports the board as CSV and opens the printable report.
 */
import { useCallback, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { boardCsv, siteBoard } from '../../analysis/planning/board';
import { useAppStore } from '../../state/hooks';
import { boardPair } from './boardPair';
import { IndicatorTable } from './IndicatorTable';
import { PlanReport, type Capture, type Screenshot } from './PlanReport';

/** The download reads the Blob URL asynchronously; revoking it at once can cancel it in some browsers. */
export const CSV_URL_REVOKE_MS = 1000;

interface Props {
  /** Renders the compared states for the report (supplied by the view). */
  capture?: Capture;
  screenshots?: Screenshot[];
}

export function ComplianceBoard({ capture, screenshots }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const lang = useAppStore((s) => s.language);
  const plan = useAppStore((s) => s.plan);
  const imported = useAppStore((s) => s.importedSchemes);
  const siteId = useAppStore((s) => s.activeSiteId);
  const view = useAppStore((s) => s.planView);
  const [reportOpen, setReportOpen] = useState(false);
  const printBtn = useRef<HTMLButtonElement>(null);

  const board = useMemo(() => (plan && siteId ? siteBoard(plan, imported, siteId) : null), [plan, imported, siteId]);
  const pair = useMemo(() => (board ? boardPair(board, view) : null), [board, view]);

  const closeReport = useCallback(() => {
    setReportOpen(false);
    printBtn.current?.focus();
  }, []);

  const exportCsv = () => {
    if (!board || !plan) return;
    const blob = new Blob([boardCsv(board, lang)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `${plan.zoneId}-${board.siteId}-indicators.csv`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), CSV_URL_REVOKE_MS);
  };

  return (
    <section className="st-section st-plan-board" aria-labelledby={titleId} data-testid="compliance-board">
      <h2 id={titleId} className="st-section__title st-plan-board__title">
        {t('planning.board.title')}
        <span className="st-badge st-badge--small st-plan-badge--reference">{t('planning.reference')}</span>
        <span className="st-badge st-badge--warn st-badge--small">{t('planning.illustrative')}</span>
      </h2>
      {!board ? (
        <p className="st-note">{t('planning.board.noSite')}</p>
      ) : (
        <>
          <p className="st-plan-board__site">
            {board.siteName[lang]} · {board.plot.code}
          </p>
          <IndicatorTable board={board} pair={pair} tagged />
          <p className="st-note st-note--warn">
            {t('planning.referenceNote')} {t('planning.illustrativeNote')}
          </p>
          <p className="st-note">{t('planning.board.gfaNote')}</p>
          <div className="st-row st-plan-board__actions">
            <button type="button" className="st-btn" onClick={exportCsv}>
              {t('planning.board.exportCsv')}
            </button>
            <button type="button" className="st-btn" ref={printBtn} onClick={() => setReportOpen(true)}>
              {t('planning.board.print')}
            </button>
          </div>
          {reportOpen && (
            <PlanReport
              board={board}
              pair={pair}
              capture={capture}
              screenshots={screenshots}
              onClose={closeReport}
            />
          )}
        </>
      )}
    </section>
  );
}
