/** Newest-wins rule shared by every buffer: a strictly newer timestamp replaces, anything else drops. */
import type { DropReason } from '../protocol/dropReasons';

export function staleVerdict(prevTs: number | undefined, ts: number): DropReason | null {
  if (prevTs === undefined) return null;
  if (ts === prevTs) return 'duplicate';
  if (ts < prevTs) return 'out-of-order';
  return null;
}
