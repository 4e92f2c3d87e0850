import { describe, expect, it } from 'vitest';
import { Matrix4, Vector3 } from 'three';
import { EnuFrame } from '../../../src/core/geodesy';
import { ENU_TO_THREE_MATRIX, enuToThree, multiplyMat4, threeToEnu, tilesetRootMatrix, transformPoint } from '../../../src/views/three/enuThree';

const frame = new EnuFrame({ lonDeg: 121.17, latDeg: 31.29, heightM: 4 });

describe('ENU ⇄ three.js axes', () => {
  it('maps east to +x, up to +y and north to -z', () => {
    expect(enuToThree(1, 2, 3)).toEqual([1, 3, -2]);
    expect(threeToEnu(1, 3, -2)).toEqual([1, 2, 3]);
  });

  it('round-trips', () => {
    const p = enuToThree(-123.5, 456.25, 7.125);
    expect(threeToEnu(p[0], p[1], p[2])).toEqual([-123.5, 456.25, 7.125]);
  });

  it('axis matrix agrees with enuToThree', () => {
    expect(transformPoint(ENU_TO_THREE_MATRIX, 5, 6, 7)).toEqual(enuToThree(5, 6, 7));
  });

  it('multiplyMat4 matches three.js Matrix4.multiply', () => {
    const a = new Matrix4().makeRotationY(0.3).setPosition(1, 2, 3);
    const b = new Matrix4().makeRotationX(-0.7).setPosition(-4, 5, 6);
    const ours = multiplyMat4(a.elements, b.elements);
    const theirs = a.clone().multiply(b).elements;
    ours.forEach((v, i) => expect(v).toBeCloseTo(theirs[i]!, 12));
  });
});

describe('tileset root matrix', () => {
  it('puts ECEF points of the zone at their ENU offsets in three.js axes', () => {
    const m = tilesetRootMatrix(frame);
    const ecef = frame.enuToEcef(250, -400, 30);
    const p = transformPoint(m, ecef[0], ecef[1], ecef[2]);
    expect(p[0]).toBeCloseTo(250, 6);
    expect(p[1]).toBeCloseTo(30, 6);
    expect(p[2]).toBeCloseTo(400, 6);
  });

  it('composed with the tileset transform (ENU→ECEF) is the axis swap to sub-millimetre', () => {
    // What three.js computes on the CPU in float64 for every tile: group matrix × tile transform.
    const group = new Matrix4().fromArray(tilesetRootMatrix(frame));
    const tile = new Matrix4().fromArray(frame.enuToEcefMatrix());
    const world = group.multiply(tile);
    const v = new Vector3(1234.5, -987.25, 55.5).applyMatrix4(world);
    expect(v.x).toBeCloseTo(1234.5, 6);
    expect(v.y).toBeCloseTo(55.5, 6);
    expect(v.z).toBeCloseTo(987.25, 6);
    // The translation left over is what reaches the GPU as float32: it must be tiny.
    expect(Math.hypot(world.elements[12], world.elements[13], world.elements[14])).toBeLessThan(1e-6);
  });
});
