/**
 * Input checks shared by the visibility analyses. Every analysis validates its numbers before it
 * casts a ray, so a NaN or an Infinity from a UI field or a postMessage fails loudly with the
 * field's name instead of turning into NaN results (a NaN ray quietly misses everything and would
 * read as "visible").
 */
import type { Vec3 } from '../../core/geodesy';

/** A visibility input that is not a finite number, or is out of its range. */
export class VisibilityInputError extends RangeError {
  override readonly name = 'VisibilityInputError';
  /** The offending input, as the caller named it (e.g. `targets[3]`, `cellSizeM`). */
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.field = field;
  }
}

export function requireFinite(field: string, v: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new VisibilityInputError(field, `must be a finite number, got ${String(v)}`);
  return v;
}

export function requirePositive(field: string, v: number): number {
  requireFinite(field, v);
  if (!(v > 0)) throw new VisibilityInputError(field, `must be > 0, got ${v}`);
  return v;
}

export function requireRange(field: string, v: number, min: number, max: number): number {
  requireFinite(field, v);
  if (v < min || v > max) throw new VisibilityInputError(field, `must be within [${min}, ${max}], got ${v}`);
  return v;
}

export function requireVec3(field: string, v: readonly number[] | undefined): Vec3 {
  if (!Array.isArray(v) || v.length !== 3) throw new VisibilityInputError(field, 'must be an [x, y, z] triple');
  return [requireFinite(`${field}[0]`, v[0]!), requireFinite(`${field}[1]`, v[1]!), requireFinite(`${field}[2]`, v[2]!)];
}
