/**
 * MQTT topic layout: `<prefix>/<zone>/<kind>/<id>`, prefix `shentwin/v1` by default. Each message
 * carries one entity (or one catalogue / hello / heartbeat / status document).
 */
export const TOPIC_KINDS = ['vehicle', 'sensor', 'signal', 'segment', 'incident', 'catalogue', 'hello', 'heartbeat', 'status'] as const;
export type TopicKind = (typeof TOPIC_KINDS)[number];

export interface ParsedTopic {
  zone: string;
  kind: TopicKind;
  id: string;
}

export function topicFor(prefix: string, zone: string, kind: TopicKind, id: string): string {
  return `${prefix}/${zone}/${kind}/${id}`;
}

export function zoneWildcard(prefix: string, zone: string): string {
  return `${prefix}/${zone}/#`;
}

export function parseTopic(topic: string, prefix: string): ParsedTopic | null {
  if (!topic.startsWith(`${prefix}/`)) return null;
  const rest = topic.slice(prefix.length + 1).split('/');
  if (rest.length !== 3) return null;
  const [zone, kind, id] = rest as [string, string, string];
  if (!zone || !id || !(TOPIC_KINDS as readonly string[]).includes(kind)) return null;
  return { zone, kind: kind as TopicKind, id };
}

/** A prefix is topic levels without wildcards, so it can be concatenated safely. */
export function isValidTopicPrefix(prefix: string): boolean {
  return /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/.test(prefix) && prefix.length <= 100;
}
