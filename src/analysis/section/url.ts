/**
 * A section as a compact URL value: `box:x_y_z_sx_sy_sz_h` or `plane:x_y_z_nx_ny_nz`. Lengths
 * are rounded to centimetres, the heading to 0.01° and a normal to 1e-4 (and made unit again
 * when read), so a shared link reproduces the cut to well under a pixel. `_` separates the
 * numbers because it needs no escaping in a query string and cannot be part of a number.
 */
import { describeProblem, validateSection } from './validate';
import type { Section } from './types';

export type SectionParseResult = { ok: true; section: Section } | { ok: false; reason: string };

/** Rounds to `decimals` places without ever printing "-0" or an exponent. */
function fixed(v: number, decimals: number): string {
  const f = 10 ** decimals;
  const r = Math.round(v * f) / f;
  return (Object.is(r, -0) ? 0 : r).toString();
}

function wrapHeading(deg: number): number {
  const w = deg % 360;
  return w < 0 ? w + 360 : w;
}

/** The URL value of a valid section (validate first: an invalid one has no faithful string). */
export function formatSection(section: Section): string {
  if (section.kind === 'box') {
    const [x, y, z] = section.centre;
    const [sx, sy, sz] = section.size;
    const h = wrapHeading(Number(fixed(wrapHeading(section.headingDeg), 2)));
    return `box:${[x, y, z, sx, sy, sz].map((v) => fixed(v, 2)).join('_')}_${fixed(h, 2)}`;
  }
  const [x, y, z] = section.point;
  const [nx, ny, nz] = section.normal;
  return `plane:${[x, y, z].map((v) => fixed(v, 2)).join('_')}_${[nx, ny, nz].map((v) => fixed(v, 4)).join('_')}`;
}

/** A plain decimal: no exponent, no hex, no "Infinity", nothing a URL could smuggle in. */
const NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;
/** Longer than any honest value; refused before it is split. */
const MAX_PARAM_LENGTH = 200;

/** Reads a URL value; anything that is not exactly a valid section is refused with a reason. */
export function parseSection(text: string): SectionParseResult {
  if (typeof text !== 'string' || text.length === 0) return { ok: false, reason: 'empty' };
  if (text.length > MAX_PARAM_LENGTH) return { ok: false, reason: `longer than ${MAX_PARAM_LENGTH} characters` };
  const colon = text.indexOf(':');
  if (colon < 0) return { ok: false, reason: 'expected "box:" or "plane:"' };
  const kind = text.slice(0, colon);
  if (kind !== 'box' && kind !== 'plane') return { ok: false, reason: `unknown section kind "${kind}"` };
  const parts = text.slice(colon + 1).split('_');
  const want = kind === 'box' ? 7 : 6;
  if (parts.length !== want) return { ok: false, reason: `${kind} needs ${want} numbers, got ${parts.length}` };
  const nums: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] ?? '';
    if (!NUMBER.test(p)) return { ok: false, reason: `value ${i + 1} ("${p}") is not a number` };
    nums.push(Number(p));
  }
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0] = nums;
  let section: Section;
  if (kind === 'box') {
    section = { kind: 'box', centre: [a, b, c], size: [d, e, f], headingDeg: wrapHeading(g) };
  } else {
    const len = Math.hypot(d, e, f);
    section = { kind: 'plane', point: [a, b, c], normal: [d, e, f] };
    // Rounding to 1e-4 leaves a normal up to ~1e-4 off unit; a normal further off was never one.
    const problems = validateSection(section);
    if (problems.length > 0) return { ok: false, reason: describeProblem(problems[0]!) };
    section.normal = [d / len, e / len, f / len];
  }
  const problems = validateSection(section);
  if (problems.length > 0) return { ok: false, reason: describeProblem(problems[0]!) };
  return { ok: true, section };
}
