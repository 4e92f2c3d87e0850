/**
 * The printable comparison report, in an overlay over the app: the site, its plot and limits,
 * the two compared states' pictures, the indicator table, the date and the notices. The print
 * stylesheet hides everything else, so the browser's "Save as PDF" gives just this page.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { SiteBoard } from '../../analysis/planning/board';
import { HTML_LANG } from '../../app/i18n';
import { useAppStore } from '../../state/hooks';
import type { BoardPair } from './boardPair';
import { IndicatorTable } from './IndicatorTable';
import { PlotLimitsList } from './PlotLimitsList';
import './planReport.css';

export interface Screenshot {
  stateId: string;
  dataUrl: string;
}

export type Capture = () => Promise<Screenshot[]>;

interface Props {
  board: SiteBoard;
  pair: BoardPair | null;
  /** Pictures already taken; when absent, `capture` is asked once on opening. */
  screenshots?: Screenshot[];
  capture?: Capture;
  onClose: () => void;
  /** The report's date; injectable for tests. */
  now?: () => number;
}

export function PlanReport({ board, pair, screenshots, capture, onClose, now = Date.now }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const lang = useAppStore((s) => s.language);
  const [captured, setCaptured] = useState<Screenshot[] | null>(null);
  const [capturing, setCapturing] = useState(false);
  const [date] = useState(() => new Date(now()));
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    dialog.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  useEffect(() => {
    if (screenshots || !capture) return;
    let live = true;
    setCapturing(true);
    capture()
      .then((shots) => live && setCaptured(shots))
      // A failed capture leaves placeholders; the report is still useful without pictures.
      .catch(() => live && setCaptured([]))
      .finally(() => live && setCapturing(false));
    return () => {
      live = false;
    };
  }, [capture, screenshots]);

  const shots = screenshots ?? captured ?? [];
  const shown = pair ? [pair.a, pair.b] : board.states.slice(0, 2).map((s) => s.stateId);
  const nameOf = (id: string) => board.states.find((s) => s.stateId === id)?.name[lang] ?? id;
  const dateText = new Intl.DateTimeFormat(HTML_LANG[lang], { dateStyle: 'long' }).format(date);

  return createPortal(
    <div className="st-plan-report-root">
      <div
        ref={dialog}
        className="st-plan-report"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        data-testid="plan-report"
      >
        <header className="st-plan-report__head">
          <h1 id={titleId}>{t('planning.report.title')}</h1>
          <div className="st-row st-plan-report__actions">
            <button type="button" className="st-btn" onClick={() => window.print()}>
              {t('planning.report.print')}
            </button>
            <button type="button" className="st-btn" onClick={onClose}>
              {t('planning.report.close')}
            </button>
          </div>
        </header>
        <p className="st-plan-report__notice">
          <strong>{t('planning.illustrative')}</strong> {t('planning.illustrativeNote')} <strong>{t('planning.reference')}</strong>{' '}
          {t('planning.referenceNote')}
        </p>
        <dl className="st-plan-report__facts">
          <dt>{t('planning.report.site')}</dt>
          <dd>{board.siteName[lang]}</dd>
          <dt>{t('planning.report.plot')}</dt>
          <dd>{board.plot.code}</dd>
          <dt>{t('planning.report.date')}</dt>
          <dd>
            <time dateTime={date.toISOString().slice(0, 10)}>{dateText}</time>
          </dd>
        </dl>
        <h2>{t('planning.report.limits')}</h2>
        <PlotLimitsList limits={board.limits} />
        <h2>{t('planning.report.screenshots')}</h2>
        <div className="st-plan-report__shots">
          {shown.map((id) => {
            const shot = shots.find((s) => s.stateId === id);
            return (
              <figure key={id} className="st-plan-report__shot" data-state={id}>
                {shot ? (
                  <img src={shot.dataUrl} alt={nameOf(id)} />
                ) : (
                  <div className="st-plan-report__placeholder">
                    {capturing ? t('planning.report.capturing') : t('planning.report.placeholder')}
                  </div>
                )}
                <figcaption>{nameOf(id)}</figcaption>
              </figure>
            );
          })}
        </div>
        <h2>{t('planning.report.indicators')}</h2>
        <IndicatorTable board={board} pair={pair} />
        <p className="st-note">{t('planning.board.gfaNote')}</p>
      </div>
    </div>,
    document.body,
  );
}
