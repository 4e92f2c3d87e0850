/**
 * Fixed-capacity vertex buffers the tools' overlay is written into and uploaded from as they are:
 * line segments as (start xyz, end xyz) pairs with a colour per end, the layout of three's
 * LineSegmentsGeometry instance buffers, and points with a colour each. Writers take zone ENU and
 * store three's frame (x = east, y = up, z = −north). A full buffer drops what does not fit rather
 * than grow: the arrays are handed to the GPU once and rewritten in place. Non-finite input is
 * dropped too, so NaN never reaches the GPU.
 */
import type { Vec3 } from '../../tools/toolTypes';

/** Linear RGB, 0..1: vertex colours are in three's linear working space. */
export type Rgb = readonly [number, number, number];

const toLinear = (c: number): number => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

/** An sRGB colour (0xrrggbb, as designers give it) in linear RGB. */
export function srgbHex(hex: number): Rgb {
  return [toLinear(((hex >> 16) & 255) / 255), toLinear(((hex >> 8) & 255) / 255), toLinear((hex & 255) / 255)];
}

const finite = (...v: number[]): boolean => v.every(Number.isFinite);

export class SegmentBuffer {
  readonly positions: Float32Array;
  readonly colors: Float32Array;
  count = 0;
  /** Segments refused because the buffer was full. */
  dropped = 0;

  constructor(readonly capacity: number) {
    this.positions = new Float32Array(capacity * 6);
    this.colors = new Float32Array(capacity * 6);
  }

  clear(): void {
    this.count = 0;
    this.dropped = 0;
  }

  /** One segment between ENU points; false when it was dropped. */
  push(ax: number, ay: number, az: number, bx: number, by: number, bz: number, c: Rgb): boolean {
    if (!finite(ax, ay, az, bx, by, bz)) return false;
    if (this.count >= this.capacity) {
      this.dropped++;
      return false;
    }
    const o = this.count * 6;
    const p = this.positions, k = this.colors;
    p[o] = ax; p[o + 1] = az; p[o + 2] = -ay;
    p[o + 3] = bx; p[o + 4] = bz; p[o + 5] = -by;
    k[o] = c[0]; k[o + 1] = c[1]; k[o + 2] = c[2];
    k[o + 3] = c[0]; k[o + 4] = c[1]; k[o + 5] = c[2];
    this.count++;
    return true;
  }

  line(a: Vec3, b: Vec3, c: Rgb): boolean {
    return this.push(a[0], a[1], a[2], b[0], b[1], b[2], c);
  }

  /** Consecutive points joined; `closed` adds the edge back to the first (with 3 points or more). */
  polyline(points: readonly Vec3[], closed: boolean, c: Rgb, dz = 0): void {
    for (let i = 1; i < points.length; i++) {
      const a = points[i - 1]!, b = points[i]!;
      this.push(a[0], a[1], a[2] + dz, b[0], b[1], b[2] + dz, c);
    }
    if (closed && points.length >= 3) {
      const a = points[points.length - 1]!, b = points[0]!;
      this.push(a[0], a[1], a[2] + dz, b[0], b[1], b[2] + dz, c);
    }
  }

  /** A polyline of `n` ENU xyz triples packed in `flat`. */
  flatPolyline(flat: ArrayLike<number>, n: number, c: Rgb): void {
    for (let i = 1; i < n; i++) {
      const a = 3 * (i - 1), b = 3 * i;
      this.push(flat[a]!, flat[a + 1]!, flat[a + 2]!, flat[b]!, flat[b + 1]!, flat[b + 2]!, c);
    }
  }
}

export class PointBuffer {
  readonly positions: Float32Array;
  readonly colors: Float32Array;
  count = 0;
  dropped = 0;

  constructor(readonly capacity: number) {
    this.positions = new Float32Array(capacity * 3);
    this.colors = new Float32Array(capacity * 3);
  }

  clear(): void {
    this.count = 0;
    this.dropped = 0;
  }

  push(x: number, y: number, z: number, c: Rgb): boolean {
    if (!finite(x, y, z)) return false;
    if (this.count >= this.capacity) {
      this.dropped++;
      return false;
    }
    const o = this.count * 3;
    this.positions[o] = x;
    this.positions[o + 1] = z;
    this.positions[o + 2] = -y;
    this.colors[o] = c[0];
    this.colors[o + 1] = c[1];
    this.colors[o + 2] = c[2];
    this.count++;
    return true;
  }

  point(p: Vec3, c: Rgb, dz = 0): boolean {
    return this.push(p[0], p[1], p[2] + dz, c);
  }
}
