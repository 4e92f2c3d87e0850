/** Why a message or entity was dropped; the status bar shows counts by reason. */
export const DROP_REASONS = [
  'not-text', 'too-large', 'not-json', 'schema', 'version', 'wrong-zone', 'unknown-topic',
  'duplicate', 'out-of-order', 'future', 'too-old', 'out-of-zone', 'capacity', 'backlog',
  'truncated', 'inconsistent', 'stale-snapshot', 'awaiting-snapshot',
] as const;
export type DropReason = (typeof DROP_REASONS)[number];

export const DROP_REASON_HELP: Record<DropReason, string> = {
  'not-text': 'binary frame where text was expected',
  'too-large': 'message larger than the size limit (rejected before parsing)',
  'not-json': 'not valid JSON',
  schema: 'does not match the protocol schema (missing field, wrong type, out of range, NaN/Infinity)',
  version: 'unsupported protocol version',
  'wrong-zone': 'message for a zone this viewer did not subscribe to',
  'unknown-topic': 'MQTT topic outside the protocol layout',
  duplicate: 'same id and timestamp already applied',
  'out-of-order': 'older than the state already held for this id',
  future: 'timestamp too far ahead of server time',
  'too-old': 'timestamp too old to be useful',
  'out-of-zone': 'position too far from the zone origin',
  capacity: 'entity buffer full',
  backlog: 'queue overflow while the viewer could not keep up (oldest dropped)',
  truncated: 'v2 binary frame ends before its header, a section or a column does (cut in transit, or a corrupt count)',
  inconsistent: 'v2 binary frame needs dictionary state this viewer does not hold (unknown index, sequence gap, no snapshot yet); a fresh snapshot is needed',
  'stale-snapshot': 'MQTT v2: a retained snapshot older than the stream state already held (brokers may deliver it late); ignored',
  'awaiting-snapshot': 'MQTT v2: a delta of a stream that is waiting for its next snapshot (just joined, or after a lost frame)',
};
