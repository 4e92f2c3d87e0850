/**
 * The soak's CSV: a header line of SOAK_COLUMNS, then one line per sample, written as it is taken
 * (so a run that is killed still leaves its data). RFC 4180 quoting; an empty cell is null.
 */
import { SOAK_COLUMNS, TEXT_COLUMNS, type SoakSample } from './sample';

export function csvHeader(): string {
  return SOAK_COLUMNS.join(',');
}

/** A cell: numbers without float noise (up to 3 decimals), null/NaN/±Infinity empty, text quoted when needed. */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return '';
    return String(Math.round(v * 1000) / 1000);
  }
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(s: SoakSample): string {
  return SOAK_COLUMNS.map((k) => csvCell(s[k])).join(',');
}

export function toCsv(samples: readonly SoakSample[]): string {
  return [csvHeader(), ...samples.map(csvRow)].join('\n') + '\n';
}

/** Splits one CSV record into cells (quotes undone). */
function splitRecord(line: string): string[] {
  const cells: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cur);
      cur = '';
    } else cur += c;
  }
  cells.push(cur);
  return cells;
}

/**
 * Reads a soak CSV back (for `--report`, re-summarising a run). Columns are matched by name, so a
 * file from an older tool with fewer columns still reads; missing cells are null.
 */
export function parseCsv(text: string): SoakSample[] {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  const header = lines.length > 0 ? splitRecord(lines[0]!) : [];
  if (!header.includes('tS')) throw new Error('not a soak CSV: no tS column in the header');
  return lines.slice(1).map((line) => {
    const cells = splitRecord(line);
    const row: Record<string, unknown> = {};
    for (const k of SOAK_COLUMNS) {
      const i = header.indexOf(k);
      const raw = i >= 0 ? cells[i] ?? '' : '';
      if (TEXT_COLUMNS.has(k)) row[k] = raw;
      else row[k] = raw === '' ? null : Number(raw);
    }
    return row as unknown as SoakSample;
  });
}
