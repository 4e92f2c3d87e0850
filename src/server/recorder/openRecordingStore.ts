/**
 * Opens a recording store: for a data directory, the embedded SQLite file `recording.sqlite` in it;
 * for a `--record postgres://…` URL, a PostgreSQL database.
 */
import { join } from 'node:path';
import { PostgresRecordingStore } from './PostgresRecordingStore';
import type { RecordingStore } from './RecordingStore';
import { SqliteRecordingStore } from './SqliteRecordingStore';

export const RECORDING_FILE = 'recording.sqlite';

export function openRecordingStore(dataDir: string): RecordingStore {
  return new SqliteRecordingStore(join(dataDir, RECORDING_FILE));
}

const POSTGRES_URL = /^postgres(?:ql)?:\/\//i;

/** The URL with any password replaced, for logs and error messages. */
export function redactRecordUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/?#@:]*):[^/?#@]*@/i, '$1:***@');
}

/** Why `--record` cannot take this text, or null when it can (checked before anything connects). */
export function recordUrlProblem(url: string): string | null {
  if (!POSTGRES_URL.test(url)) return `--record ${redactRecordUrl(url)}: expected a postgres:// or postgresql:// URL (use --data-dir for the embedded SQLite store)`;
  try {
    new URL(url);
  } catch {
    return `--record ${redactRecordUrl(url)}: not a valid URL`;
  }
  return null;
}

/**
 * Opens the store a `--record` URL names. Rejects when the URL is not one, or when the database
 * cannot be reached or its tables created; the message never carries the password.
 */
export async function openRecordingStoreFromUrl(url: string): Promise<RecordingStore> {
  const problem = recordUrlProblem(url);
  if (problem) throw new Error(problem);
  try {
    return await PostgresRecordingStore.open(url);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new Error(`--record ${redactRecordUrl(url)}: ${msg}`, { cause: e });
  }
}
