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
import type { TimeMachineSlice } from './timeMachineSlice';

export interface FeedSlice {
  feed: FeedSummary;
  feedBuffers: FeedBuffers | null;
  /** The live feed's buffers even while a replay is shown in `feedBuffers` (live alerts read these). */
  liveFeedBuffers: FeedBuffers | null;
  setLiveFeedBuffers(buffers: FeedBuffers | null): void;
  setFeedSummary(summary: FeedSummary): void;
  setFeedBuffers(buffers: FeedBuffers | null): void;
  resetFeed(): void;
}

export const createFeedSlice: StateCreator<FeedSlice, [], [], FeedSlice> = (set) => ({
  feed: emptyFeedSummary(),
  feedBuffers: null,
  liveFeedBuffers: null,
  setLiveFeedBuffers: (liveFeedBuffers) => set({ liveFeedBuffers }),
  setFeedSummary: (feed) => set({ feed }),
  setFeedBuffers: (feedBuffers) => set({ feedBuffers }),
  resetFeed: () => set({ feed: emptyFeedSummary(), feedBuffers: null, liveFeedBuffers: null }),
});

/** The store API the feed runtime needs: the feed slice plus error reporting. */
interface FeedStoreApi {
  getState(): FeedSlice & Pick<ErrorsSlice, 'reportError'> & Partial<Pick<TimeMachineSlice, 'setTimeMachine'>>;
}

/** Connects a FeedRuntime to the store: summaries, buffers, and 'feed' errors. */
export function bindFeedToStore(store: FeedStoreApi, now: () => number): FeedStoreBinding {
  return {
    publish: (s) => store.getState().setFeedSummary(s),
    attachBuffers: (b) => store.getState().setFeedBuffers(b),
    attachLiveBuffers: (b) => store.getState().setLiveFeedBuffers(b),
    publishTimeMachine: (s) => store.getState().setTimeMachine?.(s),
    reportError: (source, message, kind) => store.getState().reportError('feed', source, message, now(), kind),
  };
}
