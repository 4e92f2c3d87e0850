/**
 * Issue 15 item 17: after zooming the globe out, `cam` dropped out of the share URL (the pose left
 * the URL's limits, and the ground-plane target ran off thousands of km). Poses from anywhere the
 * globe camera can go now stay complete in the link, and near the zone nothing changed.
 */
import { describe, expect, it } from 'vitest';
import { DEG, EnuFrame, ecefToGeodetic, geodeticToEcef, type Vec3 } from '../../../src/core/geodesy';
import { parseUrlState, serializeUrlState } from '../../../src/app/urlState';
import { ecefViewToEnuPose, enuPoseToEcefView, rayEllipsoidDistance } from '../../../src/views/globe/globeCamera';
import { GLOBE_MAX_ZOOM_DISTANCE_M } from '../../../src/views/globe/globeSettings';

const frame = new EnuFrame({ lonDeg: 121.46, latDeg: 31.18, heightM: 4 });

const unit = (v: Vec3): Vec3 => {
  const l = Math.hypot(...v);
  return [v[0] / l, v[1] / l, v[2] / l];
};

/** A camera `altitudeM` above (lonDeg, latDeg), looking at the Earth's centre, tilted by `tiltRad` east. */
function cameraOver(lonDeg: number, latDeg: number, altitudeM: number, tilt = 0): { pos: Vec3; dir: Vec3 } {
  const pos = geodeticToEcef(lonDeg * DEG, latDeg * DEG, altitudeM);
  const down = unit([-pos[0], -pos[1], -pos[2]]);
  const east: Vec3 = [-Math.sin(lonDeg * DEG), Math.cos(lonDeg * DEG), 0];
  return { pos, dir: unit([down[0] + east[0] * tilt, down[1] + east[1] * tilt, down[2] + east[2] * tilt]) };
}

function roundTrip(pose: { position: Vec3; target: Vec3 }) {
  const q = serializeUrlState({ zone: 'westbund', cam: pose });
  return { q, parsed: parseUrlState(q) };
}

describe('globe poses in the share URL', () => {
  const cases: [string, number, number, number, number][] = [
    ['over the zone, 500 km up', 121.46, 31.18, 500_000, 0],
    ['over the zone, 5,000 km up', 121.46, 31.18, 5_000_000, 0],
    ['the whole Earth, at the zoom-out limit', 121.46, 31.18, GLOBE_MAX_ZOOM_DISTANCE_M, 0],
    ['over Beijing, 3,000 km up, oblique', 116.4, 39.9, 3_000_000, 0.2],
    ['over the antipode, at the zoom-out limit', 121.46 - 180, -31.18, GLOBE_MAX_ZOOM_DISTANCE_M, 0],
    ['over the antipode, 200 km up', 121.46 - 180, -31.18, 200_000, 0],
  ];

  it.each(cases)('keeps cam for a camera %s', (_name, lon, lat, alt, tilt) => {
    const { pos, dir } = cameraOver(lon, lat, alt, tilt);
    const pose = ecefViewToEnuPose(frame, pos, dir);
    const { q, parsed } = roundTrip(pose);
    expect(q).toMatch(/[?&]cam=/);
    expect(parsed.issues).toEqual([]);
    const cam = parsed.state.cam!;
    for (let i = 0; i < 3; i++) {
      expect(Math.abs(cam.position[i]! - pose.position[i]!)).toBeLessThanOrEqual(0.05 + 1e-9);
      expect(Math.abs(cam.target[i]! - pose.target[i]!)).toBeLessThanOrEqual(0.05 + 1e-9);
    }
    // The target is on the Earth, where the camera looks, not on a plane thousands of km off.
    const t = frame.enuToEcef(...pose.target);
    expect(Math.abs(ecefToGeodetic(t[0], t[1], t[2]).heightM)).toBeLessThan(1);
  });

  it('still targets the zone ground plane for views near the zone, as the three.js view does', () => {
    for (const [p, t] of [[[0, -1500, 900], [0, 0, 0]], [[-1000, -200, 1400], [-1000, -199, 0]], [[3000, 4000, 12000], [2500, 3500, 0]]] as [Vec3, Vec3][]) {
      const v = enuPoseToEcefView(frame, p, t);
      const back = ecefViewToEnuPose(frame, v.destination, v.direction);
      for (let i = 0; i < 3; i++) {
        expect(back.position[i]).toBeCloseTo(p[i]!, 3);
        expect(back.target[i]).toBeCloseTo(t[i]!, 3);
      }
    }
  });

  it('finds where a ray meets the ellipsoid, and nothing when it misses or starts inside', () => {
    const { pos, dir } = cameraOver(0, 0, 1_000_000);
    expect(rayEllipsoidDistance(pos, dir)).toBeCloseTo(1_000_000, 3);
    expect(rayEllipsoidDistance(pos, [-dir[0], -dir[1], -dir[2]])).toBeNull();
    expect(rayEllipsoidDistance([0, 0, 0], [1, 0, 0])).toBeNull();
    expect(rayEllipsoidDistance(pos, [0, 0, 1])).toBeNull();
  });

  it('refuses a camera buried under the zone', () => {
    expect(parseUrlState('?cam=0,0,-99999,0,0,0').issues.map((i) => i.param)).toEqual(['cam']);
    expect(parseUrlState('?cam=0,0,-1500,0,0,100').issues).toEqual([]);
  });
});
