/**
 * `npm run sunlight` spawned on a small hand-made zone (a temp root with the West Bund scene and a
 * synthetic plan.json + footprints.json): a residential slab, and a scheme that puts a 30 m tower
 * 20 m south of it. And bad arguments and files, which must exit 2 with a clear message.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/sunlight-cli/cli';
import { EnuFrame } from '../../../src/core/geodesy';
import { rect } from './fixtures';

const REPO = resolve(__dirname, '../../..');
const TSX = join(REPO, 'node_modules', '.bin', 'tsx');
const CLI = join(REPO, 'src', 'sunlight-cli', 'cli.ts');
let root = '';

const bldg = (id: string, ring: [number, number][], heightM: number, floors: number, use: string) =>
  ({ id, name: { zh: id, en: id }, footprint: ring, heightM, floors, use, status: 'existing' });

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'sunlight-cli-'));
  mkdirSync(join(root, 'scenes'));
  const sceneText = readFileSync(join(REPO, 'scenes', 'westbund.json'), 'utf8');
  writeFileSync(join(root, 'scenes', 'westbund.json'), sceneText);
  const scene = JSON.parse(sceneText) as { origin: { lonDeg: number; latDeg: number; heightM: number } };
  const dir = join(root, 'public', 'tiles', 'westbund', 'plan');
  mkdirSync(dir, { recursive: true });
  const limits = { farMax: null, heightMaxM: null, densityMax: null, greenRatioMin: null };
  const plot = (id: string, ring: [number, number][], landUse: string, schemeIds: string[]) =>
    ({ id, code: id, blockCode: id, landUse, name: { zh: id, en: id }, ring, limits, schemeIds });
  const shed = bldg('shed', rect(-20, -60, 20, -40), 6, 1, 'M');
  writeFileSync(join(dir, 'plan.json'), JSON.stringify({
    version: 1, zoneId: 'westbund', illustrative: true, controlLines: [],
    plots: [plot('plot:R', rect(-50, -5, 50, 40), 'R', []), plot('plot:S', rect(-50, -100, 50, -15), 'B', ['s1'])],
    sites: [{ id: 'site1', plotId: 'plot:S', name: { zh: '地块', en: 'Site' }, existing: [shed] }],
    schemes: [{ id: 's1', siteId: 'site1', name: { zh: '方案', en: 'Scheme' }, source: 'shipped', green: [],
      buildings: [{ ...bldg('scheme:s1:T', rect(-30, -35, 30, -20), 30, 10, 'B'), status: 'planned' }] }],
  }));
  const fp = (b: ReturnType<typeof bldg>) => ({ id: b.id, name: b.name, footprint: b.footprint, heightM: b.heightM, baseM: 0, floors: b.floors, landUse: b.use });
  writeFileSync(join(dir, 'footprints.json'), JSON.stringify({
    version: 1, zoneId: 'westbund', origin: scene.origin,
    buildings: [fp(bldg('slab', rect(-30, 0, 30, 12), 18, 6, 'R')), fp(shed)],
  }));
  // A lon/lat polygon around the slab, for --receivers <file>.
  const frame = new EnuFrame(scene.origin);
  const ll = rect(-40, -3, 40, 20).map(([e, n]) => {
    const p = frame.enuToLonLat(e, n);
    return [p.lonDeg, p.latDeg];
  });
  writeFileSync(join(root, 'area.geojson'), JSON.stringify({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[...ll, ll[0]]] } }));
  writeFileSync(join(root, 'broken.geojson'), '{"type": "Feature", ');
  writeFileSync(join(root, 'bad-scheme.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [] }));
});

function cli(...args: string[]) {
  const r = spawnSync(TSX, [CLI, '--root', root, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

type Out = {
  label: { zh: string }; state: string; profile: { id: string }; standardDay: unknown; summary: { passed: number; failed: number };
  windows: { id: string; floor: number; facade: number; hours: number; longestContinuousH: number; pass: boolean; position: number[] }[];
  impact?: { newlyFailing: { id: string; floor: number; before: number; after: number }[] };
};
const read = (f: string): Out => JSON.parse(readFileSync(f, 'utf8')) as Out;

describe('npm run sunlight', () => {
  it('writes every window of the existing state, labelled, with the profile and the standard day', () => {
    const out = join(root, 'existing.json');
    const r = cli('--zone', 'westbund', '--receivers', 'plot:R', '--year', '2027', '--out', out);
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.code).toBe(0);
    const res = read(out);
    expect(res.label.zh).toBe('方案参考，非报建结论');
    expect(res.state).toBe('existing');
    expect(res.profile.id).toBe('gb50180-dahan');
    expect(res.standardDay).toEqual({ y: 2027, m: 1, d: 20 });
    // The 60 × 12 m slab: 20 + 4 + 20 + 4 windows per floor at 3 m, 6 floors.
    expect(res.windows).toHaveLength(48 * 6);
    const south = res.windows.filter((w) => w.facade === 0);
    expect(south.every((w) => w.hours === 8 && w.pass)).toBe(true);
    expect(res.windows.filter((w) => w.facade === 2).every((w) => w.hours === 0 && !w.pass)).toBe(true);
    expect(r.stdout).toMatch(/方案参考/);
  }, 120_000);

  it('applies a scheme and lists the neighbour windows it makes fail (--impact)', () => {
    const out = join(root, 'scheme.json');
    const r = cli('--zone', 'westbund', '--scheme', 's1', '--receivers', 'area.geojson'.replace(/^/, `${root}/`), '--impact', '--year', '2027', '--out', out);
    expect(r.code).toBe(0);
    const res = read(out);
    expect(res.state).toBe('s1');
    const groundSouth = res.windows.filter((w) => w.facade === 0 && w.floor === 1);
    expect(groundSouth.some((w) => !w.pass)).toBe(true);
    const nf = res.impact!.newlyFailing;
    expect(nf.length).toBeGreaterThan(0);
    expect(nf.every((e) => e.id.startsWith('slab:f0:') && e.before === 8 && e.after < 2)).toBe(true);
    expect(nf.some((e) => e.floor === 1)).toBe(true);
  }, 120_000);

  it('exits 2 from a real process on a bad argument, and on a bad file', () => {
    const r = cli('--zone', 'mars', '--receivers', 'plot:R', '--out', join(root, 'x.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown zone "mars"/);
    expect(r.stderr).toMatch(/Usage: npm run sunlight/);
    const f = cli('--zone', 'westbund', '--receivers', join(root, 'broken.geojson'), '--out', join(root, 'x.json'));
    expect(f.code).toBe(2);
    expect(f.stderr).toMatch(/not valid JSON/);
  }, 120_000);
});

describe('sunlight CLI main(): every bad argument or file exits 2 with a clear message', () => {
  afterEach(() => vi.restoreAllMocks());
  it.each([
    [['--zone', 'mars', '--receivers', 'plot:R', '--out', 'x.json'], /unknown zone "mars"/],
    [['--zone', 'westbund', '--receivers', 'plot:R'], /--out is required/],
    [['--zone', 'westbund', '--out', 'x.json'], /give --receivers/],
    [['--zone', 'westbund', '--receivers', 'plot:R', '--profile', 'beijing', '--out', 'x.json'], /unknown profile "beijing"/],
    [['--zone', 'westbund', '--receivers', 'plot:R', '--param', 'stepMin=5', '--out', 'x.json'], /stepMin/],
    [['--zone', 'westbund', '--receivers', 'plot:R', '--param', 'colour=red', '--out', 'x.json'], /unknown parameter "colour"/],
    [['--zone', 'westbund', '--receivers', 'plot:R', '--year', 'soon', '--out', 'x.json'], /--year must be a number/],
    [['--zone', 'westbund', '--receivers', 'plot:R', '--spacing', '0', '--out', 'x.json'], /--spacing must be/],
    [['--zone', 'westbund', '--receivers', 'plot:R', '--uses', 'Q', '--out', 'x.json'], /"Q" is not a land-use class/],
    [['--zone', 'westbund', '--receivers', 'plot:nowhere', '--out', 'x.json'], /neither a plot id .* nor a file/],
    [['--zone', 'westbund', '--receivers', 'BROKEN', '--out', 'x.json'], /not valid JSON/],
    [['--zone', 'westbund', '--scheme', 'BAD_SCHEME', '--out', 'x.json'], /problem\(s\)/],
    [['--zone', 'westbund', '--scheme', 'nope', '--out', 'x.json'], /neither a scheme of zone "westbund" \(s1\) nor a file/],
    [['--zone', 'westbund', '--scheme', 's1', '--out', 'x.json'], /no receiver buildings/],
    [['--zone', 'westbund', '--receivers', 'plot:R', '--impact', '--out', 'x.json'], /--impact needs --scheme/],
    [['--zone', 'westbund', '--receivers', 'plot:R', '--bogus', '--out', 'x.json'], /unknown argument "--bogus"/],
  ] as [string[], RegExp][])('%j', async (args, message) => {
    const fixed = args.map((a) => (a === 'BROKEN' ? join(root, 'broken.geojson') : a === 'BAD_SCHEME' ? join(root, 'bad-scheme.geojson') : a === 'x.json' ? join(root, 'x.json') : a));
    let err = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      err += String(chunk);
      return true;
    });
    expect(await main(['--root', root, ...fixed])).toBe(2);
    expect(err).toMatch(message);
    expect(err).toMatch(/Usage: npm run sunlight/);
  }, 60_000);
});
