/**
 * MQTT v2 carries one zone as independent per-cell streams whose topics are not ordered with each
 * other (docs/feed-protocol.md, "MQTT v2"). A vehicle crossing a cell edge is a removal in the old
 * cell's stream and an add in the new one's, and either may arrive first. So each vehicle has an
 * owning stream (the one its newest accepted update came from): only the owner may remove it, and
 * a stream's snapshot replaces only the vehicles that stream owns.
 */
export class StreamOwnership {
  private readonly owner = new Map<string, string>();

  /** `stream` delivered the newest accepted update of `id`. */
  take(id: string, stream: string): void {
    this.owner.set(id, stream);
  }

  /** Whether a removal of `id` from `stream` applies (an unowned id: yes, it is gone anyway). */
  mayRemove(id: string, stream: string): boolean {
    const o = this.owner.get(id);
    return o === undefined || o === stream;
  }

  release(id: string): void {
    this.owner.delete(id);
  }

  ownerOf(id: string): string | undefined {
    return this.owner.get(id);
  }

  /** The ids `stream` owns now. */
  ownedBy(stream: string): string[] {
    const out: string[] = [];
    for (const [id, s] of this.owner) if (s === stream) out.push(id);
    return out;
  }

  get size(): number {
    return this.owner.size;
  }

  /** Forgets the owners of ids for which `held` is false (vehicles evicted for age, say). */
  prune(held: (id: string) => boolean): void {
    for (const id of this.owner.keys()) if (!held(id)) this.owner.delete(id);
  }

  clear(): void {
    this.owner.clear();
  }
}
