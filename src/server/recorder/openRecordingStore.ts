/** Opens the store for a data directory: the embedded SQLite file `recording.sqlite` in it. */
import { join } from 'node:path';
import type { RecordingStore } from './RecordingStore';
import { SqliteRecordingStore } from './SqliteRecordingStore';

export const RECORDING_FILE = 'recording.sqlite';

export function openRecordingStore(dataDir: string): RecordingStore {
  return new SqliteRecordingStore(join(dataDir, RECORDING_FILE));
}
