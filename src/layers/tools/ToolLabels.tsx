/**
 * The tools' value labels over the 3D view, in the close-up labels' DOM pool (LabelOverlay): the
 * tool being drawn first, then the selected result, then the rest, each skipped where it would
 * overlap one already placed or a UI panel (the panels are read a few times a second, as
 * LabelDeclutter reads them for the live labels). Texts are built when the tool, the results, a
 * payload or the language change; each frame only projects the anchors and moves the nodes.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { useTranslation } from 'react-i18next';
import { useAppStore, useAppStoreApi } from '../../state/hooks';
import { getToolPayload, subscribeToolPayloads } from '../../tools/compute/payloads';
import { LABEL_BLOCKER_SELECTOR, PANEL_POLL_MS } from '../live/LabelDeclutter';
import { LabelOverlay, LabelSpace } from '../live/LabelOverlay';
import { labelFontScale, PANEL_MARGIN_PX, panelBoxes } from '../live/labelPlacement';
import { activeLabel, resultLabels, type Formatter, type ToolLabel } from './labels';
import { TOOL_GROUND_Z } from './model';

export function ToolLabels({ onCount }: { onCount: (n: number) => void }) {
  const store = useAppStoreApi();
  const gl = useThree((s) => s.gl);
  const { t } = useTranslation();
  const lang = useAppStore((s) => s.language);
  const f = useMemo<Formatter>(() => ({ t: (key, opts) => t(key, opts ?? {}), lang }), [t, lang]);
  const space = useMemo(() => new LabelSpace(), []);
  const overlay = useRef<LabelOverlay | null>(null);
  /** The labels to place, in order; rebuilt on change, read per frame. */
  const list = useRef<ToolLabel[]>([]);
  const frame = useRef(0);

  useEffect(() => {
    const canvas = gl.domElement;
    const o = new LabelOverlay(canvas.parentElement ?? canvas, 'st-tool-labels', space);
    overlay.current = o;
    const doc = canvas.ownerDocument;
    const read = () => {
      const rects: DOMRect[] = [];
      doc.querySelectorAll(LABEL_BLOCKER_SELECTOR).forEach((el) => rects.push(el.getBoundingClientRect()));
      panelBoxes(rects, canvas.getBoundingClientRect(), PANEL_MARGIN_PX, space.panels);
      const root = doc.defaultView?.getComputedStyle(doc.documentElement).fontSize;
      space.fontScale = labelFontScale(parseFloat(root ?? ''));
    };
    read();
    const timer = setInterval(read, PANEL_POLL_MS);
    return () => {
      clearInterval(timer);
      overlay.current = null;
      o.dispose();
      onCount(0);
    };
  }, [gl, space, onCount]);

  useEffect(() => {
    // The results' labels are kept while only the tool changes (a rubber band moving).
    let results: ToolLabel[] = [];
    const rebuild = (withResults: boolean) => {
      const s = store.getState();
      if (withResults) results = resultLabels(s.toolResults, getToolPayload, f, TOOL_GROUND_Z);
      const active = activeLabel(s.tool, f, TOOL_GROUND_Z);
      list.current = active ? [active, ...results] : results;
    };
    rebuild(true);
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.toolResults !== prev.toolResults) rebuild(true);
      else if (s.tool !== prev.tool) rebuild(false);
    });
    const unsubscribePayloads = subscribeToolPayloads(() => rebuild(true));
    return () => {
      unsubscribe();
      unsubscribePayloads();
      list.current = [];
    };
  }, [store, f]);

  useFrame(({ camera, size }) => {
    const o = overlay.current;
    if (!o) return;
    o.begin(++frame.current);
    for (const l of list.current) o.placeEnu(camera, size.width, size.height, l.anchor[0], l.anchor[1], l.anchor[2], l.text, l.tone);
    o.end();
    onCount(o.visibleCount);
  });

  return null;
}
