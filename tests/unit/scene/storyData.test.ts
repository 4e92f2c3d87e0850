/**
 * The tours and stories shipped in scenes/*.json point at real things of their zone: the camera
 * poses look into the zone unobstructed, highlighted buildings exist in the zone model, and
 * highlighted assets exist in the catalogue the simulator (and so the feed server) derives from
 * the zone's roads. Captions come in both languages and each story names the plan it draws on.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng';
import { EnuFrame } from '../../../src/core/geodesy';
import type { Scene } from '../../../src/scene/schema';
import type { CameraPoseSpec, StoryHighlight } from '../../../src/scene/storySchema';
import { Network } from '../../../src/sim/network/Network';
import { placeSensors } from '../../../src/sim/sensors/placement';
import { SignalSystem } from '../../../src/sim/signals/SignalSystem';
import { zoneProfile } from '../../../src/sim/zones/zoneProfiles';
import type { ZoneInput } from '../../../src/tiler/types';
import { loadZoneInput, ZONE_IDS } from '../../../src/tiler/zones/index';
import { readZoneScene } from '../../../src/tiler/zones/readSources';
import { inside } from '../zones/polygonChecks';

const repoRoot = join(__dirname, '../../..');
const CJK = /[\u3400-\u9fff]/;
/** The planning documents in ../shared/seeds (README there). */
const SEED_FILE = /\b00[0-4]_[0-9a-f]{16}\.txt\b/;
/** A highlighted asset this close to where the step looks is in the picture. */
const HIGHLIGHT_IN_VIEW_M = 500;

interface Located { x: number; y: number }

function assetsOf(input: ZoneInput, zoneId: string): Map<string, Located & { kind: string }> {
  const net = new Network(input.roads);
  const out = new Map<string, Located & { kind: string }>();
  for (const s of placeSensors(net, zoneProfile(zoneId))) out.set(`${s.type === 'rsu' ? 'rsu' : 'sensor'}:${s.id}`, { kind: s.type, x: s.x, y: s.y });
  // Junction membership does not depend on the RNG (only timings do), so any seed names the same signals.
  for (const j of new SignalSystem(net, createRng('story-data')).junctions) {
    const n = net.nodes[j.nodeIndex]!;
    out.set(`signal:sig-${j.nodeId}`, { kind: 'signal', x: n.x, y: n.y });
  }
  return out;
}

function sightBlockers(input: ZoneInput, p: CameraPoseSpec): string[] {
  const filler = input.buildings.filter((b) => b.source === 'generated' && !b.id.startsWith('model:'));
  const [px, py, pz] = p.position, [tx, ty, tz] = p.target;
  const blockers = new Set<string>();
  for (let k = 1; k < 200; k++) {
    const f = k / 200;
    const x = px + (tx - px) * f, y = py + (ty - py) * f, z = pz + (tz - pz) * f;
    for (const b of filler) if (b.baseM + b.heightM > z && inside([x, y], b.footprint)) blockers.add(b.name);
  }
  return [...blockers];
}

describe.each(ZONE_IDS)('tours and stories of %s', (zoneId) => {
  let scene: Scene;
  let input: ZoneInput;
  let assets: Map<string, Located & { kind: string }>;
  beforeAll(async () => {
    scene = await readZoneScene(repoRoot, zoneId);
    input = await loadZoneInput(zoneId, repoRoot);
    assets = assetsOf(input, zoneId);
  });

  const poses = (): { at: string; pose: CameraPoseSpec }[] => [
    ...(scene.tours ?? []).flatMap((t) => t.stops.flatMap((s, i) => (s.pose ? [{ at: `tour ${t.id} stop ${i}`, pose: s.pose }] : []))),
    ...(scene.stories ?? []).flatMap((st) => st.steps.flatMap((s, i) => (s.pose ? [{ at: `story ${st.id} step ${i}`, pose: s.pose }] : []))),
  ];
  const targetOf = (p: { viewpoint?: string | undefined; pose?: CameraPoseSpec | undefined }): readonly number[] =>
    p.pose?.target ?? scene.viewpoints.find((v) => v.id === p.viewpoint)!.target;

  it('ship one big-screen tour of 4–6 stops and at least two stories', () => {
    expect(scene.tours?.length).toBeGreaterThanOrEqual(1);
    for (const t of scene.tours!) {
      expect(t.stops.length).toBeGreaterThanOrEqual(4);
      expect(t.stops.length).toBeLessThanOrEqual(6);
    }
    expect(scene.stories?.length).toBeGreaterThanOrEqual(2);
  });

  it('caption every stop and step in Chinese and in English, never one glued into the other', () => {
    const texts = [
      ...scene.tours!.flatMap((t) => [t.name, ...t.stops.map((s) => s.caption)]),
      ...scene.stories!.flatMap((s) => [s.title, s.summary, ...s.steps.map((x) => x.caption)]),
    ];
    for (const t of texts) {
      expect(t.zh, t.en).toMatch(CJK);
      expect(t.en, t.zh).not.toMatch(CJK);
    }
  });

  it('name the seed document each story draws on, in both summaries', () => {
    for (const s of scene.stories!) {
      expect(s.summary.zh, s.id).toMatch(SEED_FILE);
      expect(s.summary.en.match(SEED_FILE)?.[0], s.id).toBe(s.summary.zh.match(SEED_FILE)?.[0]);
    }
  });

  it('time every step, so a story also runs on an unattended screen (a tap still moves it on)', () => {
    for (const s of scene.stories!) for (const [i, step] of s.steps.entries()) expect(step.advance, `${s.id} step ${i}`).toBeDefined();
  });

  it('aim their own poses into the zone from above, past no generated building', () => {
    const frame = new EnuFrame(scene.origin);
    for (const { at, pose } of poses()) {
      const t = frame.enuToLonLat(pose.target[0], pose.target[1], pose.target[2]);
      expect(t.lonDeg > scene.bounds.west && t.lonDeg < scene.bounds.east && t.latDeg > scene.bounds.south && t.latDeg < scene.bounds.north, at).toBe(true);
      expect(pose.position[2], at).toBeGreaterThan(pose.target[2] + 50);
      expect(sightBlockers(input, pose), at).toEqual([]);
    }
  });

  it('highlight only buildings and assets that exist, and that the step looks at', () => {
    const buildings = new Set(input.buildings.map((b) => b.id));
    for (const story of scene.stories!) {
      story.steps.forEach((step, i) => {
        const h: StoryHighlight | undefined = step.highlight;
        if (!h) return;
        const at = `${story.id} step ${i}`;
        if (h.building !== undefined) {
          expect(buildings.has(h.building), `${at}: building ${h.building}`).toBe(true);
          return;
        }
        const a = h.asset!;
        // Bus stop ids come from seeded line building, so they change with the feed's seed.
        expect(a.kind, `${at}: stop ids depend on the feed seed and cannot be shipped`).not.toBe('stop');
        const found = assets.get(`${a.kind}:${a.id}`);
        expect(found, `${at}: ${a.kind} ${a.id}`).toBeDefined();
        const t = targetOf(step);
        expect(Math.hypot(found!.x - t[0]!, found!.y - t[1]!), `${at}: ${a.id} distance from the view's target`).toBeLessThanOrEqual(HIGHLIGHT_IN_VIEW_M);
      });
    }
  });
});
