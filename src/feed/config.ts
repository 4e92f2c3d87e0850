/**
 * Which feed the viewer uses: URL parameters (`?feed=sim|ws|mqtt&feedUrl=ws://…&topicPrefix=…&replayUrl=ws://…`,
 * plus `simSeed`, `simSpeed`, `simRate`, `scenario` for the simulator, and `feedEncoding=json|v1|v2`
 * for a ws or mqtt feed, whichever says where it is) override the scene's `feed`
 * block; with neither, the built-in simulator runs. Every value is validated; a bad one is
 * reported and the viewer falls back to the simulator rather than showing nothing.
 *
 * Credentials (a ws `token`, an mqtt `username`/`password`) come only from the scene file, never
 * from the URL: links end up in logs, histories and screenshots. They go only to the scene's own
 * feed URL, so a crafted link naming another server cannot collect them.
 */
import { z } from 'zod';
import { parseScenarioList } from '../sim/scenarios/scenarios';
import { isFeedToken } from './protocol/access';
import { DEFAULT_TOPIC_PREFIX } from './protocol/limits';
import type { SubscribeEncoding } from './protocol/messages';
import { isValidTopicPrefix } from './protocol/topics';
import { DEFAULT_V2_PREFIX } from './protocol/v2/mqttTopics';

export type FeedConfig =
  | { kind: 'sim'; seed: number; timeScale: number; rateHz: number; scenarios: string }
  /** `encoding`: what the live data is subscribed as (default v2; `feedEncoding=json` forces v1). */
  | { kind: 'ws'; url: string; token?: string; encoding?: SubscribeEncoding }
  /**
   * `replayUrl`: the feed server's WebSocket endpoint that records this broker's stream; the time
   * machine asks it for history and replays (a broker keeps no history). `token` goes only there.
   * `encoding` v2: the sharded binary tree (docs/feed-protocol.md, "MQTT v2") under `topicPrefix`;
   * absent or v1, the per-entity JSON tree. v1 is the default: hand-written clients and existing
   * deployments speak it.
   */
  | { kind: 'mqtt'; url: string; topicPrefix: string; encoding?: SubscribeEncoding; username?: string; password?: string; replayUrl?: string; token?: string };

/** URL parameters someone might try for a token; they are refused with a message, never read. */
const URL_TOKEN_PARAMS = ['token', 'feedToken', 'password', 'feedPassword'] as const;

export interface FeedConfigIssue {
  /** 'url' for query parameters, 'scene' for the scene file's feed block. */
  category: 'url' | 'scene';
  source: string;
  message: string;
}

export const DEFAULT_SIM_CONFIG = { kind: 'sim', seed: 20_211_231, timeScale: 1, rateHz: 5, scenarios: '' } as const;

const sceneFeedSchema = z.object({
  kind: z.enum(['sim', 'ws', 'mqtt']),
  url: z.string().max(2000).optional(),
  topicPrefix: z.string().max(100).optional(),
  seed: z.number().int().min(0).max(2 ** 32 - 1).optional(),
  timeScale: z.number().min(1).max(60).optional(),
  rateHz: z.number().min(0.2).max(30).optional(),
  scenarios: z.string().max(500).optional(),
  // Generous: the token's own pattern is checked later, so a bad one costs the token, not the feed.
  token: z.string().max(2000).optional(),
  username: z.string().max(200).optional(),
  password: z.string().max(200).optional(),
  replayUrl: z.string().max(2000).optional(),
});
export type SceneFeed = z.infer<typeof sceneFeedSchema>;

interface Raw {
  kind: string;
  url: string | undefined;
  topicPrefix: string | undefined;
  seed: string | number | undefined;
  timeScale: string | number | undefined;
  rateHz: string | number | undefined;
  scenarios: string | undefined;
  replayUrl?: string | undefined;
}

function checkWsUrl(url: string | undefined): string | null {
  if (!url) return 'is required for a ws or mqtt feed';
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return `"${url.slice(0, 80)}" is not a valid URL`;
  }
  if (u.protocol !== 'ws:' && u.protocol !== 'wss:') return `must be a ws:// or wss:// URL, got ${u.protocol}`;
  return null;
}

function num(v: string | number | undefined, min: number, max: number, isInt: boolean): number | null | undefined {
  if (v === undefined || v === '') return undefined;
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isFinite(n) || n < min || n > max || (isInt && !Number.isInteger(n))) return null;
  return n;
}

function build(raw: Raw, category: FeedConfigIssue['category'], issues: FeedConfigIssue[]): FeedConfig | null {
  const where = (p: string) => (category === 'url' ? p : `feed.${p}`);
  const bad = (p: string, message: string) => issues.push({ category, source: where(p), message });
  const nameOf = { kind: category === 'url' ? 'feed' : 'kind', url: category === 'url' ? 'feedUrl' : 'url' };
  if (raw.kind === 'ws' || raw.kind === 'mqtt') {
    const urlIssue = checkWsUrl(raw.url);
    if (urlIssue) {
      bad(nameOf.url, `${urlIssue}; using the built-in simulator`);
      return null;
    }
    if (raw.kind === 'ws') return { kind: 'ws', url: raw.url! };
    const prefix = raw.topicPrefix ?? DEFAULT_TOPIC_PREFIX;
    if (!isValidTopicPrefix(prefix)) {
      bad('topicPrefix', `"${prefix.slice(0, 60)}" is not a topic prefix (levels of letters, digits, _ and -; no wildcards); using the built-in simulator`);
      return null;
    }
    if (raw.replayUrl !== undefined) {
      const replayIssue = checkWsUrl(raw.replayUrl);
      if (replayIssue) bad('replayUrl', `${replayIssue}; no time machine for this feed`);
      else return { kind: 'mqtt', url: raw.url!, topicPrefix: prefix, replayUrl: raw.replayUrl };
    }
    return { kind: 'mqtt', url: raw.url!, topicPrefix: prefix };
  }
  if (raw.kind !== 'sim') {
    bad(nameOf.kind, `unknown feed "${raw.kind.slice(0, 40)}" (expected sim, ws or mqtt); using the built-in simulator`);
    return null;
  }
  const cfg: { kind: 'sim'; seed: number; timeScale: number; rateHz: number; scenarios: string } = { ...DEFAULT_SIM_CONFIG };
  const seed = num(raw.seed, 0, 2 ** 32 - 1, true);
  if (seed === null) bad(category === 'url' ? 'simSeed' : 'seed', 'must be an integer 0…4294967295; using the default');
  else if (seed !== undefined) cfg.seed = seed;
  const speed = num(raw.timeScale, 1, 60, false);
  if (speed === null) bad(category === 'url' ? 'simSpeed' : 'timeScale', 'must be a number from 1 to 60; using 1');
  else if (speed !== undefined) cfg.timeScale = speed;
  const rate = num(raw.rateHz, 0.2, 30, false);
  if (rate === null) bad(category === 'url' ? 'simRate' : 'rateHz', 'must be a number from 0.2 to 30; using 5');
  else if (rate !== undefined) cfg.rateHz = rate;
  if (raw.scenarios) {
    const s = parseScenarioList(raw.scenarios);
    for (const e of s.errors) bad(category === 'url' ? 'scenario' : 'scenarios', `${e}; ignored`);
    cfg.scenarios = s.scheduled.map((x) => (x.atS > 0 ? `${x.name}@${x.atS}` : x.name)).join(',');
  }
  return cfg;
}

/**
 * Adds the scene's credentials to a ws or mqtt config. A malformed token is reported (never
 * quoted: even a mistyped token is mostly a secret) and left out, so the viewer connects without
 * one and offers its sign-in prompt.
 */
function withCredentials(cfg: FeedConfig, f: SceneFeed, issues: FeedConfigIssue[]): FeedConfig {
  const bad = (p: string, message: string) => issues.push({ category: 'scene', source: `feed.${p}`, message });
  const takesToken = cfg.kind === 'ws' || (cfg.kind === 'mqtt' && cfg.replayUrl !== undefined);
  if (!takesToken && f.token !== undefined) bad('token', 'applies to ws feeds (and an mqtt feed\'s replayUrl) only; ignored');
  if (cfg.kind !== 'mqtt' && (f.username !== undefined || f.password !== undefined)) {
    bad(f.username !== undefined ? 'username' : 'password', 'applies to mqtt feeds only; ignored');
  }
  if (takesToken && f.token !== undefined) {
    if (!isFeedToken(f.token)) bad('token', `is not a feed token (expected st1.<16 hex>.<43 base64url>, got ${f.token.length} characters); connecting without one`);
    else if (cfg.kind === 'ws') return { ...cfg, token: f.token };
    else if (cfg.kind === 'mqtt') cfg = { ...cfg, token: f.token };
  }
  if (cfg.kind === 'mqtt') {
    if (f.password !== undefined && f.username === undefined) {
      bad('password', 'needs a username; connecting without credentials');
      return cfg;
    }
    return { ...cfg, ...(f.username !== undefined ? { username: f.username } : {}), ...(f.password !== undefined ? { password: f.password } : {}) };
  }
  return cfg;
}

/** `feedEncoding` values: json is the name an operator knows v1 by. */
const FEED_ENCODINGS: Record<string, SubscribeEncoding> = { json: 'v1', v1: 'v1', v2: 'v2', binary: 'v2' };

/**
 * Applies `feedEncoding` to a ws or mqtt feed, whether the link or the scene file named it. For
 * mqtt v2 the link's `topicPrefix` names the v2 tree (default shentwin/v2); a scene file's prefix
 * is its v1 tree's, so it does not carry over.
 */
function withEncoding(cfg: FeedConfig, q: URLSearchParams, issues: FeedConfigIssue[]): FeedConfig {
  const raw = q.get('feedEncoding');
  if (raw === null) return cfg;
  const bad = (source: string, message: string) => issues.push({ category: 'url', source, message });
  if (cfg.kind === 'sim') {
    bad('feedEncoding', 'applies to mqtt and ws feeds only; ignored');
    return cfg;
  }
  const encoding = FEED_ENCODINGS[raw.toLowerCase()];
  if (encoding === undefined) {
    bad('feedEncoding', `unknown encoding "${raw.slice(0, 40)}" (expected json, v1 or v2); using ${cfg.kind === 'ws' ? 'v2' : 'v1'}`);
    return cfg;
  }
  if (cfg.kind === 'ws' || encoding === 'v1') return { ...cfg, encoding };
  const prefix = q.get('topicPrefix') ?? DEFAULT_V2_PREFIX;
  if (!isValidTopicPrefix(prefix)) {
    bad('topicPrefix', `"${prefix.slice(0, 60)}" is not a topic prefix (levels of letters, digits, _ and -; no wildcards); using ${DEFAULT_V2_PREFIX}`);
    return { ...cfg, encoding, topicPrefix: DEFAULT_V2_PREFIX };
  }
  return { ...cfg, encoding, topicPrefix: prefix };
}

export function resolveFeedConfig(input: { search: string; sceneFeed?: unknown }): { config: FeedConfig; issues: FeedConfigIssue[] } {
  const issues: FeedConfigIssue[] = [];
  const q = new URLSearchParams(input.search);
  const r = resolveSource(input, q, issues);
  return { config: withEncoding(r, q, issues), issues };
}

function resolveSource(input: { search: string; sceneFeed?: unknown }, q: URLSearchParams, issues: FeedConfigIssue[]): FeedConfig {
  const get = (k: string) => q.get(k) ?? undefined;
  for (const k of URL_TOKEN_PARAMS) {
    if (q.has(k)) issues.push({ category: 'url', source: k, message: 'credentials are never read from a link (links end up in logs); use the scene file or the feed sign-in prompt; ignored' });
  }
  const urlKind = get('feed');
  const simParams = ['simSeed', 'simSpeed', 'simRate', 'scenario'].some((k) => q.has(k));
  if (urlKind !== undefined || q.has('feedUrl') || simParams) {
    const kind = urlKind ?? (q.has('feedUrl') ? 'ws' : 'sim');
    const cfg = build({ kind, url: get('feedUrl'), topicPrefix: get('topicPrefix'), seed: get('simSeed'), timeScale: get('simSpeed'), rateHz: get('simRate'), scenarios: get('scenario'), replayUrl: get('replayUrl') }, 'url', issues);
    // The scene's credentials follow only when the link names the scene's own feed (and replay endpoint).
    const scene = sceneFeedSchema.safeParse(input.sceneFeed);
    const sameReplay = cfg?.kind !== 'mqtt' || cfg.replayUrl === undefined || (scene.success && scene.data.replayUrl === cfg.replayUrl);
    if (cfg && cfg.kind !== 'sim' && scene.success && scene.data.kind === cfg.kind && scene.data.url === cfg.url && sameReplay) {
      return withCredentials(cfg, scene.data, []);
    }
    return cfg ?? { ...DEFAULT_SIM_CONFIG };
  }
  if (input.sceneFeed !== undefined) {
    const r = sceneFeedSchema.safeParse(input.sceneFeed);
    if (!r.success) {
      const i = r.error.issues[0];
      issues.push({ category: 'scene', source: `feed.${i?.path.join('.') ?? ''}`, message: `${i?.message ?? 'invalid'}; using the built-in simulator` });
      return { ...DEFAULT_SIM_CONFIG };
    }
    const f = r.data;
    const cfg = build({ kind: f.kind, url: f.url, topicPrefix: f.topicPrefix, seed: f.seed, timeScale: f.timeScale, rateHz: f.rateHz, scenarios: f.scenarios, replayUrl: f.replayUrl }, 'scene', issues);
    return cfg ? withCredentials(cfg, f, issues) : { ...DEFAULT_SIM_CONFIG };
  }
  return { ...DEFAULT_SIM_CONFIG };
}
