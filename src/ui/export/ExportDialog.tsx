/**
 * The screenshot export dialog: a resolution (1×, 1.5× or 2× the window, with the pixel size),
 * the language of the burnt-in text (the interface language), and a Download button that renders
 * the view once at that size, burns in the furniture (exportPng) and saves it through a link with
 * `download=shentwin-<zone>-<yyyyMMdd-HHmm>.png`. The link stays for saving again by hand (a kiosk
 * browser may block the automatic download). A failed capture is said in the dialog and counted
 * in the error list; nothing else is touched. A modal like About: Escape closes, Tab stays inside.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scene } from '../../scene/schema';
import { useAppStore, useAppStoreApi } from '../../state/hooks';
import { legendStateOf, type Translate } from './exportLegend';
import { ExportError, exportPng, type ExportResult } from './exportPng';
import { exportSizes, MAX_EXPORT_EDGE_PX, type ExportFactor } from './exportSizes';
import './export.css';

type Status =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'done'; result: ExportResult; url: string }
  | { kind: 'failed'; reason: string };

interface Props {
  scene: Scene;
  onClose: () => void;
  onExported?: (r: ExportResult) => void;
}

const windowSize = () => ({ w: window.innerWidth, h: window.innerHeight, dpr: window.devicePixelRatio || 1 });

export function ExportDialog({ scene, onClose, onExported }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const store = useAppStoreApi();
  const lang = useAppStore((s) => s.language);
  const ref = useRef<HTMLDivElement>(null);
  const linkRef = useRef<HTMLAnchorElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const [win, setWin] = useState(windowSize);
  const [factor, setFactor] = useState<ExportFactor>(1);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const sizes = exportSizes(win.w, win.h, win.dpr);
  const size = sizes.find((s) => s.factor === factor) ?? sizes[0]!;

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    ref.current?.querySelector<HTMLElement>('input:checked, button')?.focus();
    const onResize = () => setWin(windowSize());
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      before?.focus();
    };
  }, []);

  // On the window, not the dialog: the Download button is disabled while rendering, which drops focus to the page.
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  }, [onClose]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      closeRef.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // The object URL lives while its link is shown; the automatic download clicks it once.
  const url = status.kind === 'done' ? status.url : null;
  useEffect(() => {
    if (status.kind === 'done' || status.kind === 'failed') buttonRef.current?.focus();
  }, [status.kind]);
  useEffect(() => {
    if (!url) return;
    linkRef.current?.click();
    return () => URL.revokeObjectURL(url);
  }, [url]);

  const download = async () => {
    setStatus({ kind: 'working' });
    try {
      const result = await exportPng({
        scene,
        lang,
        t: t as unknown as Translate,
        size: { width: size.width, height: size.height },
        nowMs: Date.now(),
        legend: legendStateOf(store.getState()),
      });
      setStatus({ kind: 'done', result, url: URL.createObjectURL(result.blob) });
      onExported?.(result);
    } catch (e) {
      const reason = e instanceof ExportError ? e.reason : 'other';
      const why = store.getState().webglLost ? 'contextLost' : reason;
      store.getState().reportError('webgl', 'screenshot', `screenshot export failed (${why}): ${(e as Error).message}`, Date.now(), 'export-failed');
      setStatus({ kind: 'failed', reason: why });
    }
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Tab' && ref.current) {
      const f = ref.current.querySelectorAll<HTMLElement>('input, a[href], button');
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
      <div ref={ref} className="st-panel st-dialog st-export" role="dialog" aria-modal="true" aria-labelledby={titleId} onKeyDown={onKeyDown} data-testid="export-dialog">
        <header className="st-dialog__head">
          <h2 id={titleId}>{t('export.title')}</h2>
          <button type="button" className="st-icon-btn" aria-label={t('common.close')} onClick={onClose}>
            ×
          </button>
        </header>
        <p>{t('export.intro')}</p>
        <fieldset className="st-export__sizes">
          <legend>{t('export.resolution')}</legend>
          {sizes.map((s) => (
            <label key={s.factor} className="st-export__size">
              <input type="radio" name={`${titleId}-size`} checked={s.factor === factor} onChange={() => setFactor(s.factor)} />
              <span>
                {t('export.factor', { f: s.factor })} · {t('export.pixels', { w: s.width, h: s.height })}
                {s.capped ? t('export.capped', { max: MAX_EXPORT_EDGE_PX }) : ''}
              </span>
            </label>
          ))}
        </fieldset>
        <p className="st-muted">{t('export.language')}</p>
        <div className="st-export__actions">
          <button ref={buttonRef} type="button" className="st-btn" disabled={status.kind === 'working'} onClick={() => void download()}>
            {t('export.download')}
          </button>
          {status.kind === 'done' && (
            <a ref={linkRef} href={status.url} download={status.result.fileName} data-testid="export-link">
              {t('export.saveAgain')}
            </a>
          )}
        </div>
        <p className="st-export__status" role="status" aria-live="polite" data-state={status.kind}>
          {status.kind === 'working' && t('export.working')}
          {status.kind === 'done' && t('export.done', { name: status.result.fileName })}
          {status.kind === 'done' && (status.result.renderedPx.width !== status.result.width || status.result.renderedPx.height !== status.result.height) && (
            <> {t('export.upscaled', { w: status.result.renderedPx.width, h: status.result.renderedPx.height })}</>
          )}
          {status.kind === 'failed' && t('export.failed', { reason: t(`export.reason.${status.reason}`) })}
        </p>
      </div>
    </div>
  );
}
