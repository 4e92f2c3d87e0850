/**
 * MQTT topic-name and topic-filter rules (MQTT 3.1.1 §4.7, the same in v5), pure. The broker is
 * the one that enforces access; these mirror its matching so that the policy we test is the
 * policy the generated ACL files give, and so the aedes test hooks behave like Mosquitto or EMQX.
 */

/** A topic a client may PUBLISH to: non-empty, no wildcards, no NUL (spec §4.7.3, §1.5.3). */
export function isTopicName(topic: string): boolean {
  return topic.length > 0 && !/[+#\u0000]/.test(topic);
}

/** A SUBSCRIBE filter: `+` fills a whole level, `#` fills the whole last level. */
export function isTopicFilter(filter: string): boolean {
  if (filter.length === 0 || filter.includes('\u0000')) return false;
  const levels = filter.split('/');
  return levels.every((l, i) => {
    if (l.includes('#')) return l === '#' && i === levels.length - 1;
    return !l.includes('+') || l === '+';
  });
}

/**
 * Whether `filter` matches the topic name `topic`. A wildcard in the first level does not match
 * a topic starting with `$` (§4.7.2), which is what keeps `#` away from `$SYS/…`.
 */
export function topicMatches(filter: string, topic: string): boolean {
  if (!isTopicFilter(filter) || !isTopicName(topic)) return false;
  const f = filter.split('/');
  const t = topic.split('/');
  if (topic.startsWith('$') && (f[0] === '+' || f[0] === '#')) return false;
  for (let i = 0; i < f.length; i++) {
    const level = f[i]!;
    // Earlier levels matched, so `#` takes the rest, including none: `a/#` matches `a` (§4.7.1.2).
    if (level === '#') return true;
    if (i >= t.length) return false;
    if (level !== '+' && level !== t[i]) return false;
  }
  return f.length === t.length;
}

/**
 * Whether every topic that `inner` can match is matched by `outer`: the test for "may this client
 * subscribe to `inner` when it is granted `outer`". `#` inside `<prefix>/#` is allowed, `#` alone
 * and `+/…` are wider and refused, however the rest of the filter reads.
 */
export function filterWithin(inner: string, outer: string): boolean {
  if (!isTopicFilter(inner) || !isTopicFilter(outer)) return false;
  const a = inner.split('/');
  const b = outer.split('/');
  if (inner.startsWith('$') && (b[0] === '+' || b[0] === '#')) return false;
  for (let i = 0; i < b.length; i++) {
    const o = b[i]!;
    if (o === '#') return true;
    if (i >= a.length) return false;
    const n = a[i]!;
    if (n === '#') return false;
    if (o !== '+' && n !== o) return false;
  }
  return a.length === b.length;
}
