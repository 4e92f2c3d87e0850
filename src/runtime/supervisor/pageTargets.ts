/**
 * Finding, opening and attaching to the browser's tab over CDP. Results from the browser are
 * checked for shape before use: a confused or foreign endpoint must fail loudly here, not leave
 * the session watching `undefined`.
 */
import type { CdpClient, CdpParams } from './cdp';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The first page target, or null when the browser has none (yet). */
export async function firstPageTarget(client: CdpClient): Promise<string | null> {
  const r = await client.send('Target.getTargets');
  for (const t of Array.isArray(r.targetInfos) ? (r.targetInfos as unknown[]) : []) {
    if (typeof t === 'object' && t !== null && (t as CdpParams).type === 'page') {
      const id = str((t as CdpParams).targetId);
      if (id) return id;
    }
  }
  return null;
}

export async function createPageTarget(client: CdpClient, url: string): Promise<string> {
  const id = str((await client.send('Target.createTarget', { url })).targetId);
  if (!id) throw new Error('Target.createTarget gave no targetId');
  return id;
}

/** Attaches with `flatten`, so the tab's commands and events share the browser's socket. */
export async function attachToPage(client: CdpClient, targetId: string): Promise<{ sessionId: string; url: string | undefined }> {
  const sessionId = str((await client.send('Target.attachToTarget', { targetId, flatten: true })).sessionId);
  if (!sessionId) throw new Error('Target.attachToTarget gave no sessionId');
  // Only for Inspector.targetCrashed; a tab that is hung already will not answer, and the
  // browser-level crash report still arrives.
  await client.send('Inspector.enable', {}, { sessionId, timeoutMs: 1000 }).catch(() => {});
  const info = await client.send('Target.getTargetInfo', { targetId }).catch(() => ({}) as CdpParams);
  return { sessionId, url: str((info.targetInfo as CdpParams | undefined)?.url) };
}
