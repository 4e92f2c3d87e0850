/**
 * Keeps the zone's label space told where labels must not go (see labelPlacement): the UI panels
 * floating over the view, read from the DOM a few times a second (reading rectangles per frame
 * would force a layout per frame) with the root font size labels scale with, and, every frame, the selected building, the hovered one and
 * a selected live thing on screen. Draws nothing.
 */
import { useEffect } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { Vector3, type Camera } from 'three';
import { trackInterval } from '../../runtime/tracked';
import { useAppStoreApi } from '../../state/hooks';
import {
  appendAround, appendBounds, HOVER_CLEAR_PX, labelFontScale, LIVE_SELECTION_CLEAR_PX, PANEL_MARGIN_PX, panelBoxes,
  SELECTION_MARGIN_PX, selectionCorners,
} from './labelPlacement';
import type { LiveKind, LiveRegistry } from './LiveRegistry';

/** What counts as a panel over the view; `data-label-block` lets any other HUD element opt in. */
export const LABEL_BLOCKER_SELECTOR = '.st-hud .st-panel, .st-hud .st-btn, .st-hud .st-attribution, [data-label-block]';
export const PANEL_POLL_MS = 250;

const LOCATABLE: ReadonlySet<string> = new Set<LiveKind>(['vehicle', 'sensor', 'stop', 'signal']);
const scratch = new Vector3();
const corners: number[] = [];
const projected: number[] = [];
const located = [0, 0, 0];

function project(camera: Camera, w: number, h: number, e: number, n: number, u: number, out: number[]): void {
  scratch.set(e, u, -n).project(camera);
  const behind = scratch.z < -1 || scratch.z > 1;
  out.push(behind ? NaN : ((scratch.x + 1) / 2) * w, behind ? NaN : ((1 - scratch.y) / 2) * h);
}

export function LabelDeclutter({ registry }: { registry: LiveRegistry }) {
  const store = useAppStoreApi();
  const gl = useThree((s) => s.gl);

  useEffect(() => {
    const canvas = gl.domElement;
    const doc = canvas.ownerDocument;
    const read = () => {
      const rects: DOMRect[] = [];
      doc.querySelectorAll(LABEL_BLOCKER_SELECTOR).forEach((el) => rects.push(el.getBoundingClientRect()));
      panelBoxes(rects, canvas.getBoundingClientRect(), PANEL_MARGIN_PX, registry.labels.panels);
      const root = doc.defaultView?.getComputedStyle(doc.documentElement).fontSize;
      registry.labels.fontScale = labelFontScale(parseFloat(root ?? ''));
    };
    read();
    const stopPoll = trackInterval(read, PANEL_POLL_MS);
    return () => {
      stopPoll();
      registry.labels.panels.length = 0;
    };
  }, [gl, registry]);

  useFrame((state) => {
    const focus = registry.labels.focus;
    focus.length = 0;
    const s = store.getState();
    const { width: w, height: h } = state.size;
    if (s.selected) {
      selectionCorners(s.selected.point, Number(s.selected.properties.heightM), corners);
      projected.length = 0;
      for (let i = 0; i < corners.length; i += 3) project(state.camera, w, h, corners[i]!, corners[i + 1]!, corners[i + 2]!, projected);
      appendBounds(projected, SELECTION_MARGIN_PX, focus);
    }
    if (s.hoveredBuildingId) appendAround(((state.pointer.x + 1) / 2) * w, ((1 - state.pointer.y) / 2) * h, HOVER_CLEAR_PX, focus);
    const live = s.liveSelected;
    if (live && LOCATABLE.has(live.kind) && registry.locate(live.kind as LiveKind, live.id, located)) {
      projected.length = 0;
      project(state.camera, w, h, located[0]!, located[1]!, located[2]!, projected);
      appendAround(projected[0]!, projected[1]!, LIVE_SELECTION_CLEAR_PX, focus);
    }
  });

  return null;
}
