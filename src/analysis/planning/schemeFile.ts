/**
 * The scheme-file parser shared by the tiler (the schemes shipped with a zone) and the browser
 * (a file a planner imports). It never throws on bad input: it returns every problem it finds
 * (up to 50), each with a code the UI translates, the feature it concerns and a specific English
 * reason. Supported formats: a GeoJSON FeatureCollection with a "shentwin:scheme" member, and
 * CityJSON 1.1 / 2.0 in lon/lat (see the readers for details).
 */
import { isRecord, show } from './schemeFileCommon';
import { readCityjson } from './schemeFileCityjson';
import { readGeojson } from './schemeFileGeojson';
import { DEFAULT_MAX_SCHEME_BYTES, SchemeIssues, type SchemeFileContext, type SchemeFileResult } from './schemeFileTypes';

export type { SchemeErrorCode, SchemeFileContext, SchemeFileError, SchemeFileResult } from './schemeFileTypes';
export { DEFAULT_MAX_SCHEME_BYTES, MAX_SCHEME_ERRORS } from './schemeFileTypes';

/**
 * `byteLength` is the file's size as read (File.size in the browser, the buffer length in Node).
 * The size is checked before parsing so that a huge file cannot stall the tab in JSON.parse; a
 * string longer than the limit in UTF-16 units is too large in UTF-8 bytes as well.
 */
export function parseSchemeFile(text: string, byteLength: number, ctx: SchemeFileContext): SchemeFileResult {
  const issues = new SchemeIssues(ctx.fileName);
  const maxBytes = ctx.maxBytes ?? DEFAULT_MAX_SCHEME_BYTES;
  const size = Math.max(byteLength, text.length);
  if (!(size <= maxBytes)) {
    issues.error('file', 'too-large', `the file is ${size} bytes; the limit is ${maxBytes} bytes`, { bytes: size, maxBytes });
    return { ok: false, errors: issues.errors };
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    issues.error('file', 'not-json', `the file is not valid JSON: ${detail}`);
    return { ok: false, errors: issues.errors };
  }
  if (!isRecord(doc)) {
    issues.error('file', 'unknown-format', `expected a GeoJSON FeatureCollection or a CityJSON object, got ${show(doc)}`);
    return { ok: false, errors: issues.errors };
  }
  if (doc.type === 'FeatureCollection') return readGeojson(doc, ctx, issues);
  if (doc.type === 'CityJSON') return readCityjson(doc, ctx, issues);
  issues.error('file', 'unknown-format', `expected "type": "FeatureCollection" (GeoJSON) or "CityJSON", got ${show(doc.type)}`, { type: show(doc.type) });
  return { ok: false, errors: issues.errors };
}
