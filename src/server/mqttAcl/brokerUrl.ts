/**
 * Broker credentials given in the `--mqtt` URL (`ws://feed:secret@broker:8083/mqtt`), pure.
 *
 * They are taken out of the URL and passed to mqtt.js as `username` / `password` options because
 * mqtt.js splits the userinfo at its last `:` (a password with a colon would lose its head to the
 * username), and because the URL is logged and shown on /health, where a password must not appear.
 */

export interface BrokerUrl {
  /** The URL with the userinfo removed and nothing else changed (mqtt.js picks its ws path from it). */
  url: string;
  username?: string;
  password?: string;
}

/** Scheme, then userinfo up to the last `@` of the authority (WHATWG URL reads it the same way). */
const USERINFO = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/)([^/?#]*)@/;

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function splitBrokerUrl(url: string): BrokerUrl {
  const m = USERINFO.exec(url);
  if (!m) return { url };
  const info = m[2]!;
  const colon = info.indexOf(':');
  const out: BrokerUrl = { url: m[1]! + url.slice(m[0].length) };
  const username = decode(colon < 0 ? info : info.slice(0, colon));
  if (username) out.username = username;
  if (colon >= 0) out.password = decode(info.slice(colon + 1));
  return out;
}

/** For logs and /health: the user name stays (it says which ACL entry applies), the password does not. */
export function redactMqttUrl(url: string): string {
  const m = USERINFO.exec(url);
  if (!m) return url;
  const info = m[2]!;
  const colon = info.indexOf(':');
  const shown = colon < 0 ? info : `${info.slice(0, colon)}:***`;
  return `${m[1]!}${shown}@${url.slice(m[0].length)}`;
}
