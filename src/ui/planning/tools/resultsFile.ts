/**
 * The results list to and from a GeoJSON file: the download (a Blob URL on a transient link, as
 * the CSV exports do), and reading a chosen file under the size limit before any of it is parsed.
 * Parsing and validation are src/tools/resultsGeoJson.ts; this is only the browser's side.
 */
import type { Scene } from '../../../scene/schema';
import type { AnyToolResult } from '../../../tools/results';
import { DEFAULT_MAX_RESULTS_BYTES, exportResultsGeoJson, parseResultsFile, type ResultsFileError, type ResultsFileResult } from '../../../tools/resultsGeoJson';
import { CSV_URL_REVOKE_MS } from '../ComplianceBoard';
import type { Translate } from './valueFormat';

export const RESULTS_FILE_ACCEPT = '.geojson,.json';

export function resultsFileName(zoneId: string): string {
  return `shentwin-${zoneId}-results.geojson`;
}

export function downloadResults(items: readonly AnyToolResult[], scene: Pick<Scene, 'id' | 'origin'>): void {
  const doc = exportResultsGeoJson(items, { zoneId: scene.id, origin: scene.origin });
  const blob = new Blob([JSON.stringify(doc, null, 1)], { type: 'application/geo+json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = resultsFileName(scene.id);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), CSV_URL_REVOKE_MS);
}

/** Reads and parses a chosen file; an oversized one is refused from its size alone, unread. */
export async function readResultsFile(file: File, scene: Pick<Scene, 'id' | 'origin'>, now: number): Promise<ResultsFileResult | 'unreadable'> {
  let text = '';
  if (file.size <= DEFAULT_MAX_RESULTS_BYTES) {
    try {
      text = await file.text();
    } catch {
      return 'unreadable';
    }
  }
  return parseResultsFile(text, file.size, { fileName: file.name, zoneId: scene.id, origin: scene.origin, now });
}

export interface FileProblem {
  /** Null for the file as a whole. */
  feature: string | null;
  message: string;
  /** The parser's English reason, which names the position, parameter or value. */
  detail: string;
}

export function fileProblems(errors: readonly ResultsFileError[], t: Translate): FileProblem[] {
  return errors.map((e) => ({
    feature: e.feature === 'file' ? null : e.feature,
    // A code this UI does not know (a newer parser) still reads: its English reason is the fallback.
    message: t(`planning.tools.results.codes.${e.code}`, { ...e.params, defaultValue: e.reason }),
    detail: e.reason,
  }));
}
