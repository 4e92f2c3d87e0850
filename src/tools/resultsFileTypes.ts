/**
 * Public types of the results-file reader and the error list it fills, shaped like the scheme-file
 * parser's (src/analysis/planning/schemeFileTypes.ts) so that the UI shows both the same way.
 */
import type { GeoOrigin } from '../core/geodesy';
import type { ResultDraft } from './results';

export const DEFAULT_MAX_RESULTS_BYTES = 5 * 1024 * 1024;
/** More errors than this are not collected: the planner fixes the first ones and tries again. */
export const MAX_RESULTS_ERRORS = 50;
/** Points further than this from the zone origin belong to some other place. */
export const DEFAULT_MAX_DISTANCE_M = 20_000;

export interface ResultsZone {
  zoneId: string;
  origin: GeoOrigin;
}

export type ResultsErrorCode =
  | 'too-large'
  | 'not-json'
  | 'unknown-format'
  | 'bad-meta'
  | 'other-zone'
  | 'bad-version'
  | 'too-many-features'
  | 'bad-feature'
  | 'bad-kind'
  | 'bad-properties'
  | 'bad-params'
  | 'bad-geometry'
  | 'non-finite-coordinate'
  | 'latitude-out-of-range'
  | 'longitude-out-of-range'
  | 'outside-zone'
  | 'too-few-points'
  | 'too-many-points'
  | 'bad-shape';

export interface ResultsFileError {
  file: string;
  /** "file", or "feature 3 (Tower height)"; features are numbered from 0. */
  feature: string;
  code: ResultsErrorCode;
  reason: string;
  params?: Record<string, string | number>;
}

export interface ResultsFileContext extends ResultsZone {
  fileName: string;
  /** Default 5 MB, checked before parsing. */
  maxBytes?: number;
  maxDistanceM?: number;
  /** createdAt of a feature that has none (the injected clock). */
  now?: number;
}

export type ResultsFileResult =
  | { ok: true; results: ResultDraft[]; errors: ResultsFileError[] }
  | { ok: false; errors: ResultsFileError[] };

/** Collects errors up to the cap, as SchemeIssues does for scheme files. */
export class ResultsIssues {
  readonly errors: ResultsFileError[] = [];
  constructor(private readonly file: string) {}
  get full(): boolean {
    return this.errors.length >= MAX_RESULTS_ERRORS;
  }
  add(feature: string, code: ResultsErrorCode, reason: string, params?: Record<string, string | number>): void {
    if (!this.full) this.errors.push(params ? { file: this.file, feature, code, reason, params } : { file: this.file, feature, code, reason });
  }
}
