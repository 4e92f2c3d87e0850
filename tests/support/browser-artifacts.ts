/** Screenshots and notes from browser tests go to tests/.artifacts/ (gitignored), for people to look at. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

export const ARTIFACTS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../.artifacts');

export async function saveArtifact(name: string, data: Buffer | string): Promise<string> {
  const path = resolve(ARTIFACTS_DIR, name);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, data);
  return path;
}

/** A full-page screenshot, saved and returned; a failed screenshot must not hide the real failure. */
export async function savePageScreenshot(page: Page, name: string): Promise<Buffer | null> {
  try {
    const png = await page.screenshot({ type: 'png' });
    await saveArtifact(name, png);
    return png;
  } catch {
    return null;
  }
}
