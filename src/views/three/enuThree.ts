/**
 * The zone's ENU frame (east, north, up; z-up) as seen by three.js (y-up).
 * three: x = east, y = up, z = -north. Everything in the three.js scene lives in these local
 * metres, so float32 vertex data never carries ECEF magnitudes.
 */
import type { EnuFrame, Vec3 } from '../../core/geodesy';

export function enuToThree(east: number, north: number, up: number, out: Vec3 = [0, 0, 0]): Vec3 {
  out[0] = east;
  out[1] = up;
  out[2] = -north;
  return out;
}

export function threeToEnu(x: number, y: number, z: number, out: Vec3 = [0, 0, 0]): Vec3 {
  out[0] = x;
  out[1] = -z;
  out[2] = y;
  return out;
}

/** Column-major 4×4 rotation taking ENU (z-up) vectors to three.js (y-up) vectors. */
export const ENU_TO_THREE_MATRIX: readonly number[] = Object.freeze([
  1, 0, 0, 0,
  0, 0, -1, 0,
  0, 1, 0, 0,
  0, 0, 0, 1,
]);

/** Column-major a × b. */
export function multiplyMat4(a: readonly number[], b: readonly number[]): number[] {
  const out = new Array<number>(16).fill(0);
  for (let col = 0; col < 4; col++) {
    for (let row = 0; row < 4; row++) {
      let s = 0;
      for (let k = 0; k < 4; k++) s += (a[k * 4 + row] ?? 0) * (b[col * 4 + k] ?? 0);
      out[col * 4 + row] = s;
    }
  }
  return out;
}

/**
 * Matrix of the group that holds a zone's tilesets: tiles are authored in ECEF (their root
 * transform is ENU→ECEF), so ECEF→ENU followed by the axis swap brings them to local metres.
 * three.js multiplies world matrices in float64 on the CPU, so the large translations cancel
 * before anything reaches float32 on the GPU.
 */
export function tilesetRootMatrix(frame: EnuFrame): number[] {
  return multiplyMat4(ENU_TO_THREE_MATRIX, frame.ecefToEnuMatrix());
}

/** Applies a column-major 4×4 to a point. */
export function transformPoint(m: readonly number[], x: number, y: number, z: number, out: Vec3 = [0, 0, 0]): Vec3 {
  const at = (i: number) => m[i] ?? 0;
  out[0] = at(0) * x + at(4) * y + at(8) * z + at(12);
  out[1] = at(1) * x + at(5) * y + at(9) * z + at(13);
  out[2] = at(2) * x + at(6) * y + at(10) * z + at(14);
  return out;
}
