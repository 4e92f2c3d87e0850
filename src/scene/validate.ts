/** Turns raw JSON into a Scene, or into readable errors that name the file, the path and the reason. */
import { z } from 'zod';
import { sceneSchema, type Scene } from './schema';

export interface SceneIssue {
  file: string;
  path: string; // e.g. "viewpoints[2].position[1]"
  message: string;
}

export type SceneResult = { ok: true; scene: Scene } | { ok: false; issues: SceneIssue[] };

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || '(root)';
}

export function issuesFromZod(file: string, err: z.ZodError): SceneIssue[] {
  return err.issues.map((i) => ({ file, path: formatPath(i.path), message: i.message }));
}

export function validateScene(file: string, raw: unknown): SceneResult {
  const r = sceneSchema.safeParse(raw);
  return r.success ? { ok: true, scene: r.data } : { ok: false, issues: issuesFromZod(file, r.error) };
}

/** Parses text first so that invalid JSON also gets a file/position message rather than a throw. */
export function parseSceneText(file: string, text: string): SceneResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, issues: [{ file, path: '(root)', message: `invalid JSON: ${(e as Error).message}` }] };
  }
  return validateScene(file, raw);
}
