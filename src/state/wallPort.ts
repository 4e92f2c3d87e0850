/**
 * Where the video-wall sync meets the zone's live feed. The sync sits above the mode shells (every
 * mode can be a wall screen) while each shell owns its FeedHost, so FeedHost plugs its runtime's
 * wall link into this port and the sync watches it. A new zone means a new runtime: the port
 * reports the detach and the next attach, and the sync joins again. Behaviour, not data, so it
 * travels by React context like the feed controls, never through the store.
 */
import { createContext } from 'react';
import type { FeedWallLink } from '../feed/FeedRuntime';
import type { FeedKind } from '../feed/summary';

export interface WallAttachment {
  /** null: this feed has no sync channel (the built-in simulator, MQTT). */
  link: FeedWallLink | null;
  feedKind: FeedKind;
}

export class WallPort {
  private current: WallAttachment | null = null;
  private readonly watchers = new Set<(a: WallAttachment | null) => void>();

  /** Called by FeedHost once its runtime has started; returns the detach for the same effect's cleanup. */
  attach(link: FeedWallLink | null, feedKind: FeedKind): () => void {
    const a: WallAttachment = { link, feedKind };
    this.current = a;
    this.emit();
    return () => {
      if (this.current !== a) return;
      this.current = null;
      this.emit();
    };
  }

  /** Tells `fn` the current attachment at once, then every change; returns the unwatch. */
  watch(fn: (a: WallAttachment | null) => void): () => void {
    this.watchers.add(fn);
    fn(this.current);
    return () => {
      this.watchers.delete(fn);
    };
  }

  private emit(): void {
    for (const w of [...this.watchers]) w(this.current);
  }
}

export const WallPortContext = createContext<WallPort | null>(null);
