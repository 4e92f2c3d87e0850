/**
 * The screenshot export's entry point for any shell: a button that opens the export dialog.
 * Mount it once per shell with the open zone's scene, e.g. `<ExportButton scene={scene} />` in
 * the planner's top bar, a screen shell's title bar or a kiosk's menu; `className` lets a shell
 * give it its own look (big touch targets). The last export's size and layout are published for
 * the `?test=1` hook (`export`, docs/test-hook.md).
 */
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { Scene } from '../../scene/schema';
import { registerDiagnostics } from '../../state/diagnostics';
import { useAppStore } from '../../state/hooks';
import { ExportDialog } from './ExportDialog';
import type { ExportResult } from './exportPng';

interface LastExport {
  width: number;
  height: number;
  fileName: string;
  language: string;
  bytes: number;
  renderedPx: { width: number; height: number };
  layout: ExportResult['layout'];
}

export function ExportButton({ scene, className = 'st-btn' }: { scene: Scene; className?: string }) {
  const { t } = useTranslation();
  const lang = useAppStore((s) => s.language);
  const [open, setOpen] = useState(false);
  const last = useRef<{ count: number; last: LastExport | null }>({ count: 0, last: null });

  useEffect(() => registerDiagnostics('export', () => ({ count: last.current.count, last: last.current.last })), []);

  const onExported = (r: ExportResult) => {
    last.current = {
      count: last.current.count + 1,
      last: { width: r.width, height: r.height, fileName: r.fileName, language: lang, bytes: r.blob.size, renderedPx: r.renderedPx, layout: r.layout },
    };
  };

  return (
    <>
      <button type="button" className={className} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('export.button')}
      </button>
      {/* On the body: a shell's bar may be a containing block (backdrop-filter) that would trap the fixed modal. */}
      {open && createPortal(<ExportDialog scene={scene} onClose={() => setOpen(false)} onExported={onExported} />, document.body)}
    </>
  );
}
