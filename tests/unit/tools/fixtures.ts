/** Synthetic pointer sequences for the tool machine tests. */
import { toolReducer, type AnyToolState } from '../../../src/tools/machine';
import type { PickHit, PointerKind, PointerToolEvent, Ray, ToolEvent, Vec3 } from '../../../src/tools/toolTypes';

export const ground = (x: number, y: number, z = 0): PickHit => ({ point: [x, y, z], kind: 'ground' });
export const face = (x: number, y: number, z: number, buildingId: string, normal: Vec3 = [1, 0, 0]): PickHit => ({ point: [x, y, z], kind: 'face', buildingId, normal });

export interface PointerOpts {
  pointerType?: PointerKind;
  pointerId?: number;
  x?: number;
  y?: number;
  isPrimary?: boolean;
  button?: number;
  ray?: Ray;
  toleranceM?: number;
}

export function pointer(type: PointerToolEvent['type'], time: number, hit: PickHit | null, o: PointerOpts = {}): PointerToolEvent {
  const ev: PointerToolEvent = {
    type,
    pointerType: o.pointerType ?? 'mouse',
    pointerId: o.pointerId ?? 1,
    x: o.x ?? 100,
    y: o.y ?? 100,
    time,
    isPrimary: o.isPrimary ?? true,
    hit,
  };
  if (o.button !== undefined) ev.button = o.button;
  if (o.ray) ev.ray = o.ray;
  if (o.toleranceM !== undefined) ev.toleranceM = o.toleranceM;
  return ev;
}

let clock = 1000;

/** A press and release on one spot, 80 ms long (a click or a tap). */
export function click(hit: PickHit | null, o: PointerOpts = {}, pressMs = 80): ToolEvent[] {
  const t = (clock += 1000);
  return [pointer('pointerdown', t, hit, o), pointer('pointerup', t + pressMs, hit, o)];
}

/** A press that moves `dx` px before release: a camera drag. */
export function drag(hit: PickHit | null, dx: number, o: PointerOpts = {}): ToolEvent[] {
  const t = (clock += 1000);
  const x = o.x ?? 100;
  return [
    pointer('pointerdown', t, hit, o),
    pointer('pointermove', t + 30, hit, { ...o, x: x + dx / 2 }),
    pointer('pointermove', t + 60, hit, { ...o, x: x + dx }),
    pointer('pointerup', t + 90, hit, { ...o, x: x + dx }),
  ];
}

export const key = (k: string, mods: { ctrlKey?: boolean; metaKey?: boolean; shiftKey?: boolean } = {}): ToolEvent => ({ type: 'key', key: k, ...mods });

export function run<S extends AnyToolState>(s: S, ...events: (ToolEvent | ToolEvent[])[]): S {
  return events.flat().reduce<S>((acc, ev) => toolReducer(acc, ev), s);
}

/** Deep-freezes so that any mutation by the reducer throws in strict mode. */
export function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
  }
  return v;
}
