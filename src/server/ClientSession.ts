/**
 * One WebSocket client. Sending follows a coalescing rule that bounds memory per client: while the
 * socket's send buffer is above the high-water mark, deltas for it are skipped; once it drains below
 * the low-water mark it gets one fresh snapshot (the latest state) instead of the backlog.
 * While the client replays a zone, that zone's live deltas are not sent at all: the replayed
 * stream stands in for them, and a live snapshot follows the replay's end.
 */
import type { WebSocket } from 'ws';
import type { ClientMessage } from '../feed/protocol/messages';
import type { ReplayStreamer } from '../feed/replay/ReplayStreamer';
import type { Role } from './auth/roles';
import type { TokenBucket } from './auth/rateLimit';

export interface SessionCounters {
  messagesSent: number;
  bytesSent: number;
  deltasCoalesced: number;
  snapshotsAfterDrain: number;
}

const OPEN = 1;

/**
 * `open`: the server runs without --auth (today's loopback behaviour); `required`: no token yet;
 * `pending`: a token is being verified (messages queue); `ok`: authenticated; `closed`: refused.
 */
export type AuthState = 'open' | 'required' | 'pending' | 'ok' | 'closed';

export class ClientSession {
  readonly zones = new Set<string>();
  readonly behind = new Set<string>();
  /** The replay each zone is playing to this client (one per zone). */
  readonly replays = new Map<string, ReplayStreamer>();
  alive = true;
  badMessages = 0;
  authState: AuthState = 'open';
  /** The token's name and role once authenticated; never the token. */
  tokenName: string | null = null;
  tokenId: string | null = null;
  role: Role | null = null;
  /** Messages that arrived while the token was being verified, replayed in order afterwards. */
  readonly queued: ClientMessage[] = [];
  authTimer: unknown = null;

  constructor(
    readonly ws: WebSocket, readonly id: number, private readonly highWater: number, private readonly counters: SessionCounters,
    readonly bucket: TokenBucket, readonly remote: string,
  ) {}

  /** How logs and wall peers name this client. */
  get displayName(): string {
    return this.tokenName ?? `anonymous#${this.id}`;
  }

  get lowWater(): number {
    return this.highWater / 4;
  }

  /** Fan-out of a zone delta with the coalescing rule; `snapshot` is only built if needed. */
  offerDelta(zone: string, bytes: Buffer, snapshot: () => Buffer): void {
    if (!this.zones.has(zone) || this.replays.has(zone) || this.ws.readyState !== OPEN) return;
    const buffered = this.ws.bufferedAmount;
    if (this.behind.has(zone)) {
      if (buffered > this.lowWater) {
        this.counters.deltasCoalesced++;
        return;
      }
      this.behind.delete(zone);
      this.counters.snapshotsAfterDrain++;
      this.sendBytes(snapshot());
      return;
    }
    if (buffered > this.highWater) {
      this.behind.add(zone);
      this.counters.deltasCoalesced++;
      return;
    }
    this.sendBytes(bytes);
  }

  /** Control-plane messages (hello, snapshot on subscribe, pong, errors) are always sent. */
  sendBytes(bytes: Buffer): void {
    if (this.ws.readyState !== OPEN) return;
    this.ws.send(bytes, { binary: false });
    this.counters.messagesSent++;
    this.counters.bytesSent += bytes.length;
  }

  sendJson(msg: object): void {
    this.sendBytes(Buffer.from(JSON.stringify(msg)));
  }

  /** Heartbeats are skipped for a client that is behind: its queued data proves liveness anyway. */
  heartbeat(bytes: Buffer): void {
    if (this.ws.bufferedAmount <= this.highWater) this.sendBytes(bytes);
  }
}
