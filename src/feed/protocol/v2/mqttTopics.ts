/**
 * MQTT v2 topic tree (docs/feed-protocol.md, "MQTT v2"), prefix `shentwin/v2` by default:
 *   <prefix>/<zone>/delta/<stream>      binary v2 delta frames, QoS 0, not retained
 *   <prefix>/<zone>/snapshot/<stream>   binary v2 snapshot frame, QoS 0, retained, republished periodically
 *   <prefix>/<zone>/status              JSON { state: online | offline }, retained (last will)
 * <stream> is a 1 km cell `e<i>n<j>` (vehicles) or `all` (sensors, signals, segments, incidents,
 * catalogue). Pure strings: a browser client may import this.
 */
/** Default MQTT v2 topic prefix. */
export const DEFAULT_V2_PREFIX = 'shentwin/v2';
/** Side of a cell stream's square, metres. */
export const CELL_M = 1000;
/** The stream of the low-rate kinds. */
export const ALL_STREAM = 'all';

/** `e<i>n<j>` with i = floor(east / 1 km), j = floor(north / 1 km). */
export function cellName(east: number, north: number): string {
  return `e${Math.floor(east / CELL_M)}n${Math.floor(north / CELL_M)}`;
}

export type V2TopicKind = 'delta' | 'snapshot';

export function v2StreamTopic(prefix: string, zone: string, kind: V2TopicKind, stream: string): string {
  return `${prefix}/${zone}/${kind}/${stream}`;
}

export function v2StatusTopic(prefix: string, zone: string): string {
  return `${prefix}/${zone}/status`;
}

/** `{ kind, stream }` of a stream topic, or null for any other topic. */
export function parseV2Topic(topic: string, prefix: string, zone: string): { kind: V2TopicKind; stream: string } | null {
  const head = `${prefix}/${zone}/`;
  if (!topic.startsWith(head)) return null;
  const [kind, stream, ...rest] = topic.slice(head.length).split('/');
  if (rest.length || !stream || (kind !== 'delta' && kind !== 'snapshot')) return null;
  return { kind, stream };
}
