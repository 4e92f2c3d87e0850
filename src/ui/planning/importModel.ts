/**
 * Pure helpers of the scheme import: a free scheme id, and each parser problem as the lines the
 * panel shows (where, translated reason, and the parser's specific English reason).
 */
import type { SchemeFileError } from '../../analysis/planning/schemeFileTypes';

/** `id`, or `id-2`, `id-3`, … : the first one no scheme of the zone uses yet. */
export function uniqueSchemeId(id: string, taken: ReadonlySet<string>): string {
  if (!taken.has(id)) return id;
  let n = 2;
  while (taken.has(`${id}-${n}`)) n++;
  return `${id}-${n}`;
}

export interface ProblemLine {
  /** Where in the file: null for the file as a whole. */
  feature: string | null;
  message: string;
  /** The parser's own English reason, which names the ring, vertex or value. */
  detail: string;
}

type Translate = (key: string, opts: Record<string, unknown>) => string;

export function problemLines(errors: readonly SchemeFileError[], t: Translate): ProblemLine[] {
  return errors.map((e) => ({
    feature: e.feature === 'file' ? null : e.feature,
    // An unknown code (a newer parser) still reads: its English reason is the fallback.
    message: t(`planning.import.codes.${e.code}`, { ...e.params, defaultValue: e.reason }),
    detail: e.reason,
  }));
}
