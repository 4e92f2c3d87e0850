/** Protocol version and the limits every receiver enforces before trusting a message. */
export const PROTOCOL_VERSION = 1;

/** Largest accepted message, in UTF-16 code units of the received text; checked before parsing. */
export const MAX_MESSAGE_CHARS = 4_000_000;
/** Largest client→server message the feed server reads (subscribe, ping, control). */
export const MAX_CLIENT_MESSAGE_BYTES = 64 * 1024;
/** Most entities of one kind in a single message. */
export const MAX_ENTITIES_PER_MESSAGE = 50_000;
export const MAX_ID_LENGTH = 64;
/** Epoch-ms window a timestamp must fall in (2000-01-01 … 2100-01-01) to be a timestamp at all. */
export const MIN_EPOCH_MS = 946_684_800_000;
export const MAX_EPOCH_MS = 4_102_444_800_000;
export const DEFAULT_TOPIC_PREFIX = 'shentwin/v1';
