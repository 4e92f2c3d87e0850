/**
 * Scenario and speed controls of the zone's live feed, and its sign-in, handed from the app's
 * FeedHost to the UI through React context (a control handle is behaviour, not data, so it stays
 * out of the store; a token above all must never sit in the store, where the test hook reads).
 */
import { createContext } from 'react';
import type { SimControl } from '../feed/sources/FeedSource';

export interface FeedControl {
  /** Only the built-in simulator accepts controls. */
  readonly canControl: boolean;
  control(c: SimControl): void;
  /** Present when the feed takes a token from the viewer (WebSocket): reconnects with it. */
  signIn?(token: string): void;
}

export const NO_FEED_CONTROL: FeedControl = { canControl: false, control: () => undefined };

export const FeedControlContext = createContext<FeedControl>(NO_FEED_CONTROL);
