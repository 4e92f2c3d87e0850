/**
 * Everything the tools' overlay draws, written from plain data into the fixed buffers: the tool
 * being drawn (its points, the rubber band, its handles), the selected result and every other
 * result, each through its computed payload where it has one (sight lines split at the blocker,
 * skyline profiles) and through its inputs' shape otherwise. Runs when the tool, the results or a
 * payload change, never per frame; the renderer then uploads the buffers as they are.
 */
import type { SkylineProfile } from '../../analysis/visibility';
import type { ToolPayload } from '../../tools/compute/payloads';
import { toolHandles, type AnyToolState } from '../../tools/machine';
import type { AnyToolResult, ResultsList } from '../../tools/results';
import type { Vec3 } from '../../tools/toolTypes';
import { SKYLINE_DRAW_M, skylinePoints } from './model';
import type { PointBuffer, Rgb, SegmentBuffer } from './sceneBuffers';
import {
  BLOCKER_COLOR, drawShape, HANDLE_COLOR, HIDDEN_COLOR, HOVER_COLOR, LIMIT_COLOR, limitPrism, ROLE_COLORS, SKYLINE_EXISTING_COLOR,
  SKYLINE_SCHEME_COLOR, VISIBLE_COLOR, type Role,
} from './toolShapes';

/** Results and the tool are written apart: a rubber band moving rewrites only the tool's. */
export interface ResultBuffers {
  /** Wide lines: the selected result. */
  selected: SegmentBuffer;
  /** Thin lines: every other result. */
  results: SegmentBuffer;
  points: PointBuffer;
}

export interface ActiveBuffers {
  /** Wide lines: the tool being drawn. */
  active: SegmentBuffer;
  points: PointBuffer;
  handles: PointBuffer;
}

export interface ToolSceneInput {
  tool: AnyToolState | null;
  results: ResultsList;
  payloadOf(id: string): ToolPayload | null;
  /** The live preview's payload (LIVE_PAYLOAD), drawn with the tool while it is edited. */
  live: ToolPayload | null;
  groundZ: number;
}

const POLYGON_KINDS: ReadonlySet<string> = new Set(['measure-area-horizontal', 'measure-area-surface', 'height-limit']);

/**
 * Whether this layer draws and picks the tool's handles: the section's belong to the section layer
 * (src/layers/section/SectionHandles.tsx), which drags them itself.
 */
export const ownsHandles = (tool: AnyToolState): boolean => tool.kind !== 'section';

// Skyline points before they become segments: grown to the largest profile seen, then reused.
let skylineScratch = new Float64Array(0);

function drawSkyline(out: SegmentBuffer, profile: SkylineProfile, color: Rgb): number {
  const need = 3 * (profile.count + 1);
  if (skylineScratch.length < need) skylineScratch = new Float64Array(need);
  const n = skylinePoints(profile, SKYLINE_DRAW_M, skylineScratch);
  out.flatPolyline(skylineScratch, n, color);
  return profile.count;
}

/** A payload's own geometry; returns the skyline samples it drew. */
function drawPayload(payload: ToolPayload, role: Role, lines: SegmentBuffer, points: PointBuffer, groundZ: number): number {
  const main = ROLE_COLORS[role].main;
  switch (payload.kind) {
    case 'sight-line':
      points.point(payload.observer, main);
      for (const l of payload.lines) {
        for (const s of l.segments) lines.line(s.from, s.to, s.visible ? VISIBLE_COLOR : HIDDEN_COLOR);
        points.point(l.target, l.visible ? VISIBLE_COLOR : HIDDEN_COLOR);
        if (l.blockPoint) points.point(l.blockPoint, BLOCKER_COLOR);
      }
      return 0;
    case 'skyline': {
      // A lone profile is the analysed state's skyline; grey is kept for today's under a comparison.
      let n = 0;
      if (payload.existing) n += drawSkyline(lines, payload.existing, SKYLINE_EXISTING_COLOR);
      n += drawSkyline(lines, payload.profile, SKYLINE_SCHEME_COLOR);
      points.point(payload.profile.viewpoint, main);
      return n;
    }
    case 'height-limit': {
      const topZ = payload.shader?.limitZ ?? groundZ + payload.report.limitM;
      limitPrism(lines, payload.ring, true, groundZ, topZ, LIMIT_COLOR, ROLE_COLORS[role].hint);
      return 0;
    }
    case 'viewshed':
      // The grid is the ground texture's; the outline comes from the inputs.
      return 0;
  }
}

/** Kinds whose payload replaces the inputs' shape (a viewshed keeps both). */
const replacesShape = (p: ToolPayload): boolean => p.kind !== 'viewshed';

function drawResult(r: AnyToolResult, role: Role, input: ToolSceneInput, lines: SegmentBuffer, points: PointBuffer): number {
  const payload = input.payloadOf(r.id);
  const pts = r.inputs.points;
  let samples = 0;
  if (payload) samples = drawPayload(payload, role, lines, points, input.groundZ);
  if (!payload || !replacesShape(payload)) drawShape(r.inputs, pts, POLYGON_KINDS.has(r.kind), { lines, points, role, groundZ: input.groundZ });
  if (!payload && r.kind !== 'section') for (const p of pts) points.point(p, ROLE_COLORS[role].main);
  return samples;
}

function drawTool(tool: AnyToolState, input: ToolSceneInput, out: ActiveBuffers): number {
  const placing = tool.phase === 'placing';
  const pts: Vec3[] = tool.points.map((p) => p.point);
  const hover = placing && tool.hover ? tool.hover.point : null;
  const withHover = hover ? [...pts, hover] : pts;
  const polygon = POLYGON_KINDS.has(tool.kind);
  // While placing, the ring closes through the pointer, as the closing edge would run.
  const closeRing = polygon && (!placing || withHover.length >= 3);
  let samples = 0;
  const live = tool.phase === 'editing' ? input.live : null;
  if (live && live.kind !== 'viewshed') samples = drawPayload(live, 'active', out.active, out.points, input.groundZ);
  if (!live || !replacesShape(live)) drawShape(tool, withHover, closeRing, { lines: out.active, points: out.points, role: 'active', groundZ: input.groundZ });
  if (tool.kind !== 'section') for (const p of pts) out.points.point(p, ROLE_COLORS.active.main);
  if (hover) out.points.point(hover, HOVER_COLOR);
  if (ownsHandles(tool)) for (const h of toolHandles(tool)) out.handles.point(h.position, HANDLE_COLOR);
  return samples;
}

/** Rewrites the kept results' buffers; returns the skyline samples drawn. */
export function writeResults(input: ToolSceneInput, out: ResultBuffers): number {
  out.selected.clear();
  out.results.clear();
  out.points.clear();
  let samples = 0;
  const selectedId = input.results.selectedId;
  for (const r of input.results.items) if (r.id !== selectedId) samples += drawResult(r, 'result', input, out.results, out.points);
  const selected = input.results.items.find((r) => r.id === selectedId);
  if (selected) samples += drawResult(selected, 'selected', input, out.selected, out.points);
  return samples;
}

/** Rewrites the buffers of the tool being drawn; returns the skyline samples drawn. */
export function writeActive(input: ToolSceneInput, out: ActiveBuffers): number {
  out.active.clear();
  out.points.clear();
  out.handles.clear();
  const tool = input.tool;
  return tool && tool.phase !== 'idle' && tool.phase !== 'cancelled' ? drawTool(tool, input, out) : 0;
}
