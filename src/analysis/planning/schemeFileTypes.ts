/**
 * Public types of the scheme-file parser, and the error list it fills. Kept apart from the
 * format readers so that each reader and the entry point can share them without import cycles.
 */
import type { Scheme } from './types';

/** One code per kind of failure, so the UI can translate each message. */
export type SchemeErrorCode =
  | 'too-large'
  | 'not-json'
  | 'unknown-format'
  | 'no-buildings'
  | 'bad-geometry-type'
  | 'ring-not-closed'
  | 'ring-self-intersecting'
  | 'ring-too-few-points'
  /** All of a ring's points lie on one line. */
  | 'ring-zero-area'
  | 'non-finite-coordinate'
  | 'latitude-out-of-range'
  | 'longitude-out-of-range'
  | 'outside-zone'
  | 'missing-height'
  | 'bad-floors'
  | 'bad-height'
  | 'unknown-site'
  | 'missing-site'
  | 'bad-use'
  | 'duplicate-id'
  /** The `shentwin:scheme` block is present but malformed (id pattern, name not a string, …). */
  | 'bad-scheme-meta'
  /** A feature's `kind` is neither "building" nor "green". */
  | 'bad-kind'
  /** A CityJSON boundary refers to a vertex index that does not exist. */
  | 'bad-vertex-index';

export interface SchemeFileContext {
  fileName: string;
  /** The zone's ENU origin. */
  origin: { lonDeg: number; latDeg: number; heightM: number };
  /** The zone's WGS84 bounds in degrees; vertices more than 2 km outside are rejected. */
  bounds: { west: number; south: number; east: number; north: number };
  /** Datum of the file's lon/lat. 'gcj02' converts every vertex to WGS84 before projecting. */
  crs: 'wgs84' | 'gcj02';
  source: 'shipped' | 'imported';
  /** Site of an imported file that does not name one. */
  defaultSiteId?: string;
  /** When given, the scheme's site must be one of these. */
  knownSiteIds?: string[];
  /** Default 5 MB. Checked before the text is parsed. */
  maxBytes?: number;
}

export interface SchemeFileError {
  file: string;
  /** Where: "file", "feature 3 (A-2)", "CityObject \"b1\"". Features are numbered from 0. */
  feature: string;
  code: SchemeErrorCode;
  /** English, specific, e.g. "ring 0 is not closed". The UI translates by code and params. */
  reason: string;
  params?: Record<string, string | number>;
}

export type SchemeFileResult =
  | { ok: true; scheme: Scheme; warnings: SchemeFileError[] }
  | { ok: false; errors: SchemeFileError[] };

export const DEFAULT_MAX_SCHEME_BYTES = 5 * 1024 * 1024;
/** More errors than this are not collected: the planner fixes the first ones and tries again. */
export const MAX_SCHEME_ERRORS = 50;

/** Collects errors and warnings up to the cap; readers check `full` to stop early. */
export class SchemeIssues {
  readonly errors: SchemeFileError[] = [];
  readonly warnings: SchemeFileError[] = [];

  constructor(private readonly file: string) {}

  get full(): boolean {
    return this.errors.length >= MAX_SCHEME_ERRORS;
  }

  error(feature: string, code: SchemeErrorCode, reason: string, params?: Record<string, string | number>): void {
    if (this.full) return;
    this.errors.push(params ? { file: this.file, feature, code, reason, params } : { file: this.file, feature, code, reason });
  }

  warn(feature: string, code: SchemeErrorCode, reason: string, params?: Record<string, string | number>): void {
    if (this.warnings.length >= MAX_SCHEME_ERRORS) return;
    this.warnings.push(params ? { file: this.file, feature, code, reason, params } : { file: this.file, feature, code, reason });
  }
}
