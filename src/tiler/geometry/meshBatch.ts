/**
 * One batched primitive under construction: every building of a tile that shares a material
 * lands in the same arrays, so a tile costs one draw call per material instead of one per building.
 * Positions stay in the zone's ENU frame (float64) until the glTF encoder re-centres and converts them.
 */
export type Topology = 'triangles' | 'lines';

export class MeshBatch {
  readonly topology: Topology;
  readonly hasNormals: boolean;
  readonly hasColors: boolean;
  private positions = new Float64Array(3 * 256);
  private normals: Float32Array;
  private colors: Uint8Array;
  private featureIds = new Uint32Array(256);
  private indices = new Uint32Array(512);
  private vCount = 0;
  private iCount = 0;
  /** Linear RGB (0–255) applied to vertices added while it is set; only used when hasColors. */
  private color: [number, number, number] = [255, 255, 255];
  readonly min: [number, number, number] = [Infinity, Infinity, Infinity];
  readonly max: [number, number, number] = [-Infinity, -Infinity, -Infinity];

  constructor(topology: Topology, options: { normals: boolean; colors: boolean }) {
    this.topology = topology;
    this.hasNormals = options.normals;
    this.hasColors = options.colors;
    this.normals = new Float32Array(options.normals ? 3 * 256 : 0);
    this.colors = new Uint8Array(options.colors ? 3 * 256 : 0);
  }

  get vertexCount(): number {
    return this.vCount;
  }

  get indexCount(): number {
    return this.iCount;
  }

  get isEmpty(): boolean {
    return this.iCount === 0;
  }

  setColor(rgb: readonly [number, number, number]): void {
    this.color = [rgb[0], rgb[1], rgb[2]];
  }

  private growVertices(): void {
    const cap = this.featureIds.length * 2;
    const grow = <T extends Float64Array | Float32Array | Uint8Array | Uint32Array>(a: T, n: number): T => {
      const b = new (a.constructor as new (len: number) => T)(n);
      b.set(a);
      return b;
    };
    this.positions = grow(this.positions, cap * 3);
    if (this.hasNormals) this.normals = grow(this.normals, cap * 3);
    if (this.hasColors) this.colors = grow(this.colors, cap * 3);
    this.featureIds = grow(this.featureIds, cap);
  }

  /** Adds a vertex (ENU metres, ENU unit normal) and returns its index. */
  vertex(e: number, n: number, u: number, nx: number, ny: number, nz: number, featureId: number): number {
    if (!Number.isFinite(e) || !Number.isFinite(n) || !Number.isFinite(u)) {
      throw new Error(`non-finite vertex (${e}, ${n}, ${u}) for feature ${featureId}`);
    }
    if (this.vCount === this.featureIds.length) this.growVertices();
    const i = this.vCount++;
    const p = this.positions;
    p[3 * i] = e;
    p[3 * i + 1] = n;
    p[3 * i + 2] = u;
    if (this.hasNormals) {
      const nn = this.normals;
      nn[3 * i] = nx;
      nn[3 * i + 1] = ny;
      nn[3 * i + 2] = nz;
    }
    if (this.hasColors) {
      const c = this.colors;
      c[3 * i] = this.color[0];
      c[3 * i + 1] = this.color[1];
      c[3 * i + 2] = this.color[2];
    }
    this.featureIds[i] = featureId;
    if (e < this.min[0]) this.min[0] = e;
    if (n < this.min[1]) this.min[1] = n;
    if (u < this.min[2]) this.min[2] = u;
    if (e > this.max[0]) this.max[0] = e;
    if (n > this.max[1]) this.max[1] = n;
    if (u > this.max[2]) this.max[2] = u;
    return i;
  }

  private pushIndex(a: number): void {
    if (this.iCount === this.indices.length) {
      const b = new Uint32Array(this.indices.length * 2);
      b.set(this.indices);
      this.indices = b;
    }
    this.indices[this.iCount++] = a;
  }

  triangle(a: number, b: number, c: number): void {
    if (this.topology !== 'triangles') throw new Error('triangle() on a lines batch');
    this.pushIndex(a);
    this.pushIndex(b);
    this.pushIndex(c);
  }

  line(a: number, b: number): void {
    if (this.topology !== 'lines') throw new Error('line() on a triangles batch');
    this.pushIndex(a);
    this.pushIndex(b);
  }

  /** Read-only views of the filled part of each array, for the encoder and for tests. */
  view(): {
    positions: Float64Array;
    normals: Float32Array | null;
    colors: Uint8Array | null;
    featureIds: Uint32Array;
    indices: Uint32Array;
  } {
    return {
      positions: this.positions.subarray(0, 3 * this.vCount),
      normals: this.hasNormals ? this.normals.subarray(0, 3 * this.vCount) : null,
      colors: this.hasColors ? this.colors.subarray(0, 3 * this.vCount) : null,
      featureIds: this.featureIds.subarray(0, this.vCount),
      indices: this.indices.subarray(0, this.iCount),
    };
  }
}
