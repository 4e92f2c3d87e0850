/**
 * Keyed latest-state tables for the low-count entities (signals, road segments, incidents): plain
 * objects in a Map with the same newest-wins rule as the typed buffers, and a version counter.
 */
import type { DropReason } from '../protocol/dropReasons';
import { staleVerdict } from './freshness';

export interface Timestamped {
  id: string;
  /** Server epoch ms. */
  ts: number;
}

export class EntityTable<T extends Timestamped> {
  readonly items = new Map<string, T>();
  version = 0;
  staleCount = 0;
  private readonly staleIds = new Set<string>();

  upsert(item: T): DropReason | null {
    const verdict = staleVerdict(this.items.get(item.id)?.ts, item.ts);
    if (verdict) return verdict;
    this.items.set(item.id, item);
    this.staleIds.delete(item.id);
    this.version++;
    return null;
  }

  delete(id: string): void {
    if (this.items.delete(id)) {
      this.staleIds.delete(id);
      this.version++;
    }
  }

  isStale(id: string): boolean {
    return this.staleIds.has(id);
  }

  /** Flags entries older than staleMs; removes those matching `expire`. */
  age(serverNowMs: number, staleMs: number, expire?: (item: T, ageMs: number) => boolean): void {
    for (const [id, item] of this.items) {
      const age = serverNowMs - item.ts;
      if (expire?.(item, age)) {
        this.delete(id);
        continue;
      }
      const stale = age > staleMs;
      if (stale !== this.staleIds.has(id)) {
        if (stale) this.staleIds.add(id);
        else this.staleIds.delete(id);
        this.version++;
      }
    }
    this.staleCount = this.staleIds.size;
  }

  /** Keeps only the given ids (a snapshot is the whole truth for these kinds). */
  retain(ids: Set<string>): void {
    for (const id of [...this.items.keys()]) if (!ids.has(id)) this.delete(id);
  }

  clear(): void {
    this.items.clear();
    this.staleIds.clear();
    this.staleCount = 0;
    this.version++;
  }
}
