/**
 * One WebSocket client. Sending follows a coalescing rule that bounds memory per client: while the
 * socket's send buffer is above the high-water mark, deltas for it are skipped; once it drains below
 * the low-water mark it gets one fresh snapshot (the latest state) instead of the backlog.
 * While the client replays a zone, that zone's live deltas are not sent at all: the replayed
 * stream stands in for them, and a live snapshot follows the replay's end.
 *
 * Each zone has its encoding (subscribe's `encoding`): v1 zones get JSON text frames, v2 zones get
 * their live snapshots and deltas as binary v2 frames. The coalescing rule is the same for both: a
 * v2 decoder accepts a delta only as the successor of the last frame, and the catch-up snapshot
 * (seq = the last delta's) restarts it, so skipped deltas never leave a gap it would act on.
 */
import type { WebSocket } from 'ws';
import type { ClientMessage, SubscribeEncoding } from '../feed/protocol/messages';
import type { ReplayStreamer } from '../feed/replay/ReplayStreamer';
import type { Role } from './auth/roles';
import type { TokenBucket } from './auth/rateLimit';
import type { ZoneHost } from './ZoneHost';

export interface SessionCounters {
  messagesSent: number;
  bytesSent: number;
  deltasCoalesced: number;
  snapshotsAfterDrain: number;
  /** Of the above, binary (v2) frames and their bytes. */
  binaryMessagesSent: number;
  binaryBytesSent: number;
  /** v2 deltas a client missed because the encoder failed on them (it resyncs from a snapshot). */
  v2DeltasUnencoded: number;
}

/** Sources of a zone's catch-up snapshot in either encoding (null: not available this tick). */
export interface SnapshotSource {
  v1(): Buffer;
  v2(): Uint8Array | null;
}

const OPEN = 1;

/**
 * `open`: the server runs without --auth (today's loopback behaviour); `required`: no token yet;
 * `pending`: a token is being verified (messages queue); `ok`: authenticated; `closed`: refused.
 */
export type AuthState = 'open' | 'required' | 'pending' | 'ok' | 'closed';

export class ClientSession {
  readonly zones = new Set<string>();
  /** Zones subscribed with `encoding: 'v2'` that get binary frames; absent = v1. */
  readonly encodings = new Map<string, SubscribeEncoding>();
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

  isV2(zone: string): boolean {
    return this.encodings.get(zone) === 'v2';
  }

  /**
   * Fan-out of a zone delta with the coalescing rule; snapshots are only built if needed. `v2` is
   * the delta's v2 frame (null: the encoder failed on it, so v2 zones fall behind and resync).
   */
  offerDelta(zone: string, v1: () => Buffer, snapshot: SnapshotSource, v2?: Uint8Array | null): void {
    if (!this.zones.has(zone) || this.replays.has(zone) || this.ws.readyState !== OPEN) return;
    const binary = this.isV2(zone);
    const buffered = this.ws.bufferedAmount;
    if (this.behind.has(zone)) {
      if (buffered > this.lowWater) {
        this.counters.deltasCoalesced++;
        return;
      }
      if (binary) {
        const snap = snapshot.v2();
        if (!snap) return;
        this.behind.delete(zone);
        this.counters.snapshotsAfterDrain++;
        this.sendBinary(snap);
        return;
      }
      this.behind.delete(zone);
      this.counters.snapshotsAfterDrain++;
      this.sendBytes(snapshot.v1());
      return;
    }
    if (buffered > this.highWater) {
      this.behind.add(zone);
      this.counters.deltasCoalesced++;
      return;
    }
    if (!binary) {
      this.sendBytes(v1());
      return;
    }
    if (!v2) {
      this.behind.add(zone);
      this.counters.v2DeltasUnencoded++;
      return;
    }
    this.sendBinary(v2);
  }

  /**
   * The zone's live snapshot in this client's encoding (on subscribe, after a replay). When the v2
   * snapshot cannot be built now, the zone is marked behind and the next tick sends one.
   */
  sendSnapshot(host: ZoneHost): void {
    if (!this.isV2(host.id)) {
      this.sendBytes(host.snapshotBytes());
      return;
    }
    const snap = host.snapshotBytesV2();
    if (snap) this.sendBinary(snap);
    else this.behind.add(host.id);
  }

  sendBinary(bytes: Uint8Array): void {
    if (this.ws.readyState !== OPEN) return;
    this.ws.send(bytes, { binary: true });
    this.counters.messagesSent++;
    this.counters.bytesSent += bytes.byteLength;
    this.counters.binaryMessagesSent++;
    this.counters.binaryBytesSent += bytes.byteLength;
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
