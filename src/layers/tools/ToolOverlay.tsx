/**
 * Draws the tools' lines and points: the tool being drawn and the selected result in wide lines,
 * every other result in thin ones, points as round dots and the editing handles as larger ones,
 * all over the buildings (a measured corner behind a wall must stay visible). The buffers are
 * preallocated and rewritten in place (toolScene.ts) when the tool, the results or a payload
 * change, never per frame; the geometry uses the very arrays the writer fills, and only their
 * written part is uploaded. A moving rubber band rewrites the tool's buffers alone.
 */
import { useEffect, useMemo } from 'react';
import { useThree } from '@react-three/fiber';
import {
  BufferAttribute, BufferGeometry, DataTexture, Group, LinearFilter, Points, PointsMaterial, RGBAFormat, type InterleavedBufferAttribute,
} from 'three';
import { LineMaterial } from 'three/examples/jsm/lines/LineMaterial.js';
import { LineSegments2 } from 'three/examples/jsm/lines/LineSegments2.js';
import { LineSegmentsGeometry } from 'three/examples/jsm/lines/LineSegmentsGeometry.js';
import { useAppStoreApi } from '../../state/hooks';
import { getToolPayload, LIVE_PAYLOAD, subscribeToolPayloads } from '../../tools/compute/payloads';
import { discTexels, TOOL_GROUND_Z } from './model';
import { PointBuffer, SegmentBuffer } from './sceneBuffers';
import { writeActive, writeResults, type ActiveBuffers, type ResultBuffers, type ToolSceneInput } from './toolScene';

/** Above the city, the planning overlays and the section gizmo's caps. */
const OVERLAY_RENDER_ORDER = 1_000_000;
const WIDE_LINE_PX = 3;
const THIN_LINE_PX = 1.5;
const POINT_PX = 9;
const HANDLE_PX = 18;
const DISC_TEXELS = 32;
const CAPACITY = { active: 4096, selected: 8192, results: 32768, activePoints: 1024, resultPoints: 8192, handles: 64 } as const;

export interface OverlayStats {
  points: number;
  lines: number;
  skylineSamples: number;
}

function lineObject(buf: SegmentBuffer, widthPx: number, name: string): LineSegments2 {
  const g = new LineSegmentsGeometry();
  // Takes the arrays themselves (no copy): later writes into them are uploaded on needsUpdate.
  g.setPositions(buf.positions);
  g.setColors(buf.colors);
  g.instanceCount = 0;
  const m = new LineMaterial({ linewidth: widthPx, vertexColors: true, depthTest: false, depthWrite: false, transparent: true, worldUnits: false });
  // The colours are signals (visible green, hidden red), not lit surfaces: no tone mapping.
  m.toneMapped = false;
  const l = new LineSegments2(g, m);
  l.frustumCulled = false;
  l.renderOrder = OVERLAY_RENDER_ORDER;
  l.name = name;
  return l;
}

function pointsObject(buf: PointBuffer, sizePx: number, map: DataTexture, name: string): Points {
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(buf.positions, 3));
  g.setAttribute('color', new BufferAttribute(buf.colors, 3));
  g.setDrawRange(0, 0);
  const m = new PointsMaterial({
    size: sizePx, sizeAttenuation: false, vertexColors: true, map, alphaTest: 0.5, depthTest: false, depthWrite: false, transparent: true, toneMapped: false,
  });
  const p = new Points(g, m);
  p.frustumCulled = false;
  p.renderOrder = OVERLAY_RENDER_ORDER + 1;
  p.name = name;
  return p;
}

function uploadLines(l: LineSegments2, count: number): void {
  const g = l.geometry;
  // Nothing to upload for nothing drawn (and a zero-length range would upload the whole array).
  for (const name of count > 0 ? ['instanceStart', 'instanceColorStart'] : []) {
    const data = (g.getAttribute(name) as InterleavedBufferAttribute).data;
    data.clearUpdateRanges();
    data.addUpdateRange(0, count * 6);
    data.needsUpdate = true;
  }
  g.instanceCount = count;
  l.visible = count > 0;
}

function uploadPoints(p: Points, count: number): void {
  const g = p.geometry;
  for (const name of count > 0 ? ['position', 'color'] : []) {
    const a = g.getAttribute(name) as BufferAttribute;
    a.clearUpdateRanges();
    a.addUpdateRange(0, count * 3);
    a.needsUpdate = true;
  }
  g.setDrawRange(0, count);
  p.visible = count > 0;
}

export function ToolOverlay({ onStats }: { onStats: (s: OverlayStats) => void }) {
  const store = useAppStoreApi();
  const invalidate = useThree((s) => s.invalidate);
  const size = useThree((s) => s.size);

  const built = useMemo(() => {
    const results: ResultBuffers = {
      selected: new SegmentBuffer(CAPACITY.selected),
      results: new SegmentBuffer(CAPACITY.results),
      points: new PointBuffer(CAPACITY.resultPoints),
    };
    const active: ActiveBuffers = {
      active: new SegmentBuffer(CAPACITY.active),
      points: new PointBuffer(CAPACITY.activePoints),
      handles: new PointBuffer(CAPACITY.handles),
    };
    const disc = new DataTexture(discTexels(DISC_TEXELS), DISC_TEXELS, DISC_TEXELS, RGBAFormat);
    disc.magFilter = LinearFilter;
    disc.minFilter = LinearFilter;
    disc.needsUpdate = true;
    const lines = {
      results: lineObject(results.results, THIN_LINE_PX, 'tools-results'),
      selected: lineObject(results.selected, WIDE_LINE_PX, 'tools-selected'),
      active: lineObject(active.active, WIDE_LINE_PX, 'tools-active'),
    };
    const points = {
      results: pointsObject(results.points, POINT_PX, disc, 'tools-result-points'),
      active: pointsObject(active.points, POINT_PX, disc, 'tools-points'),
      handles: pointsObject(active.handles, HANDLE_PX, disc, 'tools-handles'),
    };
    points.active.renderOrder = OVERLAY_RENDER_ORDER + 2;
    points.handles.renderOrder = OVERLAY_RENDER_ORDER + 3;
    const group = new Group();
    group.name = 'tools-overlay';
    group.add(lines.results, lines.selected, lines.active, points.results, points.active, points.handles);
    return { results, active, disc, lines, points, group };
  }, []);

  useEffect(() => () => {
    for (const l of Object.values(built.lines)) {
      l.geometry.dispose();
      l.material.dispose();
    }
    for (const p of Object.values(built.points)) {
      p.geometry.dispose();
      (p.material as PointsMaterial).dispose();
    }
    built.disc.dispose();
  }, [built]);

  // LineMaterial sizes its lines in pixels of this resolution.
  useEffect(() => {
    for (const l of Object.values(built.lines)) l.material.resolution.set(size.width, size.height);
    invalidate();
  }, [built, size, invalidate]);

  useEffect(() => {
    const { results, active, lines, points } = built;
    let resultSamples = 0, activeSamples = 0;
    const redraw = (withResults: boolean, withTool: boolean) => {
      const s = store.getState();
      const input: ToolSceneInput = {
        tool: s.tool, results: s.toolResults, payloadOf: getToolPayload, live: getToolPayload(LIVE_PAYLOAD), groundZ: TOOL_GROUND_Z,
      };
      if (withResults) {
        resultSamples = writeResults(input, results);
        uploadLines(lines.selected, results.selected.count);
        uploadLines(lines.results, results.results.count);
        uploadPoints(points.results, results.points.count);
      }
      if (withTool) {
        activeSamples = writeActive(input, active);
        uploadLines(lines.active, active.active.count);
        uploadPoints(points.active, active.points.count);
        uploadPoints(points.handles, active.handles.count);
      }
      onStats({
        points: results.points.count + active.points.count + active.handles.count,
        lines: results.selected.count + results.results.count + active.active.count,
        skylineSamples: resultSamples + activeSamples,
      });
      invalidate();
    };
    redraw(true, true);
    const unsubscribe = store.subscribe((s, prev) => {
      const r = s.toolResults !== prev.toolResults, t = s.tool !== prev.tool;
      if (r || t) redraw(r, t);
    });
    const unsubscribePayloads = subscribeToolPayloads(() => redraw(true, true));
    return () => {
      unsubscribe();
      unsubscribePayloads();
      onStats({ points: 0, lines: 0, skylineSamples: 0 });
    };
  }, [built, store, onStats, invalidate]);

  return <primitive object={built.group} />;
}
