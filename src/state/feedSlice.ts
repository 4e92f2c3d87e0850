/**
 * Feed status at UI rate (source, connection, msg/s, last-message age, drops by reason, counts),
 * plus a reference to the feed's typed buffers. The buffers are mutated in place by the ingest and
 * read by layers in useFrame through getState(); setting them here happens once per feed, never
 * per message or per frame.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { FeedBuffers, FeedStoreBinding } from '../feed/FeedRuntime';
import { emptyFeedSummary, type FeedSummary } from '../feed/summary';
import type { ErrorsSlice } from './errorsSlice';

export interface FeedSlice {
  feed: FeedSummary;
  feedBuffers: FeedBuffers | null;
  setFeedSummary(summary: FeedSummary): void;
  setFeedBuffers(buffers: FeedBuffers | null): void;
  resetFeed(): void;
}

export const createFeedSlice: StateCreator<FeedSlice, [], [], FeedSlice> = (set) => ({
  feed: emptyFeedSummary(),
  feedBuffers: null,
  setFeedSummary: (feed) => set({ feed }),
  setFeedBuffers: (feedBuffers) => set({ feedBuffers }),
  resetFeed: () => set({ feed: emptyFeedSummary(), feedBuffers: null }),
});

/** The store API the feed runtime needs: the feed slice plus error reporting. */
interface FeedStoreApi {
  getState(): FeedSlice & Pick<ErrorsSlice, 'reportError'>;
}

/** Connects a FeedRuntime to the store: summaries, buffers, and 'feed' errors. */
export function bindFeedToStore(store: FeedStoreApi, now: () => number): FeedStoreBinding {
  return {
    publish: (s) => store.getState().setFeedSummary(s),
    attachBuffers: (b) => store.getState().setFeedBuffers(b),
    reportError: (source, message, kind) => store.getState().reportError('feed', source, message, now(), kind),
  };
}
