/**
 * The one-line instruction under the active tool: what the next click or tap does, from the
 * tool's kind, phase and points so far. Pure; the panel translates `planning.tools.steps.<key>`.
 * Every wording says "click or tap" because the same machine takes mouse and touch.
 */
import type { AnyToolState } from '../../../tools/machine';

export type StepKey =
  | 'first' | 'second' | 'next' | 'closeRing' | 'facadeFirst' | 'facadeNext' | 'heightFirst' | 'heightSecond'
  | 'bearingFrom' | 'bearingTo' | 'limitPlot' | 'observer' | 'target' | 'viewpoint' | 'camera' | 'boxCentre'
  | 'planePoint' | 'editing' | 'done' | 'cancelled';

export interface Instruction {
  key: StepKey;
  /** Interpolated into the sentence (the number of targets so far). */
  n?: number;
}

/** The ring kinds' step: first point, more points, then close. */
const ringStep = (n: number): StepKey => (n === 0 ? 'first' : n < 3 ? 'next' : 'closeRing');

function placingStep(tool: AnyToolState): Instruction | null {
  const n = tool.points.length;
  switch (tool.kind) {
    case 'measure-distance':
      return { key: n === 0 ? 'first' : 'second' };
    case 'measure-polyline':
      return { key: n === 0 ? 'first' : 'next' };
    case 'measure-area-horizontal':
      return { key: ringStep(n) };
    case 'measure-area-surface':
      return { key: n === 0 ? 'facadeFirst' : 'facadeNext' };
    case 'measure-height':
      return { key: n === 0 ? 'heightFirst' : 'heightSecond' };
    case 'measure-bearing':
      return { key: n === 0 ? 'bearingFrom' : 'bearingTo' };
    case 'height-limit':
      return tool.params.mode === 'plot' ? { key: 'limitPlot' } : { key: ringStep(n) };
    case 'sight-line':
      return n === 0 ? { key: 'observer' } : { key: 'target', n: n - 1 };
    case 'viewshed':
      return { key: 'observer' };
    case 'skyline':
      return { key: tool.params.source === 'camera' ? 'camera' : 'viewpoint' };
    case 'section':
      return { key: tool.params.shape === 'box' ? 'boxCentre' : 'planePoint' };
    default:
      return null;
  }
}

export function toolInstruction(tool: AnyToolState): Instruction | null {
  switch (tool.phase) {
    case 'placing':
      return placingStep(tool);
    case 'editing':
      return { key: 'editing' };
    case 'done':
      return { key: 'done' };
    case 'cancelled':
      return { key: 'cancelled' };
    default:
      return null;
  }
}
