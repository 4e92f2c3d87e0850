/**
 * Checks a section before it reaches the GPU or the URL: a NaN plane would silently clip the
 * whole city away (or nothing), and a zero-size box would hide everything.
 */
import {
  SECTION_MAX_COORD_M,
  SECTION_MAX_SIZE_M,
  UNIT_NORMAL_TOLERANCE,
  type Section,
} from './types';

export type SectionProblem =
  /** A number is NaN or ±Infinity; `field` names it (`centre[1]`, `headingDeg`, …). */
  | { code: 'not-finite'; field: string }
  /** A coordinate is further than SECTION_MAX_COORD_M from the zone origin. */
  | { code: 'out-of-range'; field: string; value: number }
  /** A box edge is zero or negative. */
  | { code: 'size-not-positive'; field: string; value: number }
  /** A box edge is over SECTION_MAX_SIZE_M. */
  | { code: 'size-too-large'; field: string; value: number }
  /** A plane's normal is not unit length (within UNIT_NORMAL_TOLERANCE). */
  | { code: 'normal-not-unit'; length: number }
  /** Not a box or a plane at all (bad JSON, a future kind). */
  | { code: 'unknown-kind' };

function isTriple(v: unknown): v is [number, number, number] {
  return Array.isArray(v) && v.length === 3;
}

function checkCoords(name: string, v: readonly number[], out: SectionProblem[]): void {
  v.forEach((x, i) => {
    const field = `${name}[${i}]`;
    if (typeof x !== 'number' || !Number.isFinite(x)) out.push({ code: 'not-finite', field });
    else if (Math.abs(x) > SECTION_MAX_COORD_M) out.push({ code: 'out-of-range', field, value: x });
  });
}

/**
 * Every problem of a section; an empty list means it is safe to draw, clip and share. Typed as a
 * Section, but checked as if it came from anywhere (saved JSON, another tab), field by field.
 */
export function validateSection(section: Section): SectionProblem[] {
  const out: SectionProblem[] = [];
  const s = section as unknown as Partial<Record<string, unknown>> | null;
  if (!s || typeof s !== 'object') return [{ code: 'unknown-kind' }];
  if (s.kind === 'box') {
    if (!isTriple(s.centre) || !isTriple(s.size)) return [{ code: 'unknown-kind' }];
    checkCoords('centre', s.centre, out);
    s.size.forEach((x, i) => {
      const field = `size[${i}]`;
      if (typeof x !== 'number' || !Number.isFinite(x)) out.push({ code: 'not-finite', field });
      else if (!(x > 0)) out.push({ code: 'size-not-positive', field, value: x });
      else if (x > SECTION_MAX_SIZE_M) out.push({ code: 'size-too-large', field, value: x });
    });
    if (typeof s.headingDeg !== 'number' || !Number.isFinite(s.headingDeg)) out.push({ code: 'not-finite', field: 'headingDeg' });
    return out;
  }
  if (s.kind === 'plane') {
    if (!isTriple(s.point) || !isTriple(s.normal)) return [{ code: 'unknown-kind' }];
    checkCoords('point', s.point, out);
    const n = s.normal;
    const finite = n.every((x, i) => {
      const ok = typeof x === 'number' && Number.isFinite(x);
      if (!ok) out.push({ code: 'not-finite', field: `normal[${i}]` });
      return ok;
    });
    if (finite) {
      const length = Math.hypot(n[0], n[1], n[2]);
      if (Math.abs(length - 1) > UNIT_NORMAL_TOLERANCE) out.push({ code: 'normal-not-unit', length });
    }
    return out;
  }
  return [{ code: 'unknown-kind' }];
}

/** A short English description of a problem, for logs and the test hook (the UI translates codes). */
export function describeProblem(p: SectionProblem): string {
  switch (p.code) {
    case 'not-finite':
      return `${p.field} is not a finite number`;
    case 'out-of-range':
      return `${p.field} = ${p.value} is more than ${SECTION_MAX_COORD_M} m from the zone origin`;
    case 'size-not-positive':
      return `${p.field} = ${p.value} must be greater than 0`;
    case 'size-too-large':
      return `${p.field} = ${p.value} is over ${SECTION_MAX_SIZE_M} m`;
    case 'normal-not-unit':
      return `the normal has length ${p.length}, not 1`;
    case 'unknown-kind':
      return 'not a section box or plane';
  }
}
