/**
 * The client wall clock the live layers use, the same one the feed host stamps messages with (so
 * the feed's server-time offset applies). Components take it as a prop so tests can inject time.
 */
export type Clock = () => number;

export const wallClock: Clock = () => Date.now();
