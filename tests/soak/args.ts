/**
 * `npm run soak` arguments, parsed and checked without side effects. A bad argument throws a
 * SoakArgsError whose message says which option and why; the CLI prints it with the usage.
 */
import { SCENARIOS, type ScenarioName } from '../../src/sim/types';

export type SoakMode = 'screen' | 'planner' | 'kiosk';

export interface SoakOptions {
  /** Run length, seconds (from --hours or --minutes). */
  durationS: number;
  zone: string;
  mode: SoakMode;
  /** Simulator speed (the app accepts 1–60). */
  speed: number;
  /** Minutes between scripted drills; 0 for none. */
  alarmEveryMin: number;
  /** Drills sent in turn. */
  drills: ScenarioName[];
  sampleS: number;
  /** Force a GC (for the post-GC heap) every this many samples. */
  gcEvery: number;
  /** Output folder; null = bench/results/soak-<stamp>. */
  out: string | null;
  /** Zones of the screen carousel; null = every zone of the site index; [] = none (the zone's own tour). */
  carousel: string[] | null;
  viewport: { width: number; height: number };
  renderScale: number | null;
  tileBudgetMB: number | null;
  /** Port for the static server; 0 = any free one. */
  port: number;
  /** Re-summarise an existing run's CSV instead of running: the folder holding samples.csv. */
  report: string | null;
  help: boolean;
}

export class SoakArgsError extends Error {
  override name = 'SoakArgsError';
}

export const SOAK_USAGE = `usage: npm run soak -- (--hours H | --minutes M) --zone Z [options]
  --hours H / --minutes M   run length (one of them; fractions allowed)
  --zone Z                  start zone (an id of dist/scenes/index.json)
  --mode screen|planner|kiosk   default screen
  --speed N                 simulator speed 1–60, default 60
  --alarm-every-min N       a scripted drill every N minutes (0 = none), default 5
  --drills a,b,…            drills sent in turn, default crash,rainstorm,rsu-fail (${SCENARIOS.join(', ')})
  --sample-s S              seconds between samples (≥ 2), default 10
  --gc-every K              force a GC for the post-GC heap every K samples, default 1
  --carousel a,b,…|none     screen mode: zones played in turn, default every zone
  --viewport WxH            default 1024x640
  --render-scale X          screen mode's renderScale= (0.25–4)
  --tile-budget-mb N        tileBudgetMB= (8–16384)
  --port N                  static server port, default any free one
  --out DIR                 default bench/results/soak-<UTC stamp>
  --report DIR              re-summarise DIR/samples.csv (plot + summary) without running
The soak serves dist/ and builds nothing: run \`npm run build\` first.`;

const DEFAULTS: SoakOptions = {
  durationS: 0, zone: '', mode: 'screen', speed: 60, alarmEveryMin: 5, drills: ['crash', 'rainstorm', 'rsu-fail'],
  sampleS: 10, gcEvery: 1, out: null, carousel: null, viewport: { width: 1024, height: 640 }, renderScale: null,
  tileBudgetMB: null, port: 0, report: null, help: false,
};

const WITH_VALUE = new Set([
  'hours', 'minutes', 'zone', 'mode', 'speed', 'alarm-every-min', 'drills', 'sample-s', 'gc-every', 'carousel', 'viewport',
  'render-scale', 'tile-budget-mb', 'port', 'out', 'report',
]);

const ZONE_ID = /^[a-z0-9][a-z0-9_-]{0,31}$/;

function number(name: string, raw: string, min: number, max: number, integer = false): number {
  const v = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v))) {
    throw new SoakArgsError(`--${name} needs ${integer ? 'an integer' : 'a number'} from ${min} to ${max}, got "${raw}"`);
  }
  return v;
}

function zoneList(name: string, raw: string): string[] {
  const ids = raw.split(',').map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0) throw new SoakArgsError(`--${name} needs zone ids separated by commas, got "${raw}"`);
  for (const id of ids) if (!ZONE_ID.test(id)) throw new SoakArgsError(`--${name}: "${id}" is not a zone id`);
  return ids;
}

export function parseSoakArgs(argv: readonly string[]): SoakOptions {
  const o: SoakOptions = { ...DEFAULTS, drills: [...DEFAULTS.drills], viewport: { ...DEFAULTS.viewport } };
  const seen = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') {
      o.help = true;
      continue;
    }
    if (!a.startsWith('--')) throw new SoakArgsError(`unexpected argument "${a}"`);
    let name = a.slice(2);
    let value: string | undefined;
    const eq = name.indexOf('=');
    if (eq >= 0) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    if (!WITH_VALUE.has(name)) throw new SoakArgsError(`unknown option --${name}`);
    if (seen.has(name)) throw new SoakArgsError(`--${name} given twice`);
    seen.add(name);
    if (value === undefined) {
      value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new SoakArgsError(`--${name} needs a value`);
      i++;
    }
    switch (name) {
      case 'hours': o.durationS = number(name, value, 1e-6, 24 * 30) * 3600; break;
      case 'minutes': o.durationS = number(name, value, 1e-6, 60 * 24 * 30) * 60; break;
      case 'zone':
        if (!ZONE_ID.test(value)) throw new SoakArgsError(`--zone: "${value}" is not a zone id`);
        o.zone = value;
        break;
      case 'mode':
        if (value !== 'screen' && value !== 'planner' && value !== 'kiosk') throw new SoakArgsError(`--mode must be screen, planner or kiosk, got "${value}"`);
        o.mode = value;
        break;
      case 'speed': o.speed = number(name, value, 1, 60); break;
      case 'alarm-every-min': o.alarmEveryMin = number(name, value, 0, 24 * 60); break;
      case 'drills': {
        const names = value.split(',').map((s) => s.trim()).filter(Boolean);
        const bad = names.filter((n) => !(SCENARIOS as readonly string[]).includes(n));
        if (names.length === 0 || bad.length > 0) throw new SoakArgsError(`--drills: unknown drill "${bad[0] ?? value}" (known: ${SCENARIOS.join(', ')})`);
        o.drills = names as ScenarioName[];
        break;
      }
      case 'sample-s': o.sampleS = number(name, value, 2, 3600); break;
      case 'gc-every': o.gcEvery = number(name, value, 1, 1000, true); break;
      case 'carousel': o.carousel = value === 'none' ? [] : zoneList(name, value); break;
      case 'viewport': {
        const m = /^(\d{2,5})x(\d{2,5})$/.exec(value);
        if (!m) throw new SoakArgsError(`--viewport needs WxH in CSS px, e.g. 1920x1080, got "${value}"`);
        o.viewport = { width: number(name, m[1]!, 64, 16384, true), height: number(name, m[2]!, 64, 16384, true) };
        break;
      }
      case 'render-scale': o.renderScale = number(name, value, 0.25, 4); break;
      case 'tile-budget-mb': o.tileBudgetMB = number(name, value, 16, 16384, true); break;
      case 'port': o.port = number(name, value, 0, 65535, true); break;
      case 'out': o.out = value; break;
      case 'report': o.report = value; break;
    }
  }
  if (o.help || o.report !== null) return o;
  if (seen.has('hours') && seen.has('minutes')) throw new SoakArgsError('give --hours or --minutes, not both');
  if (!seen.has('hours') && !seen.has('minutes')) throw new SoakArgsError('--hours or --minutes is required');
  if (!o.zone) throw new SoakArgsError('--zone is required');
  if (o.sampleS >= o.durationS) throw new SoakArgsError(`--sample-s (${o.sampleS} s) must be shorter than the run (${o.durationS} s)`);
  if (o.carousel !== null && o.carousel.length > 0 && o.mode !== 'screen') throw new SoakArgsError('--carousel applies to --mode screen only');
  if (o.renderScale !== null && o.mode !== 'screen') throw new SoakArgsError('--render-scale applies to --mode screen only');
  return o;
}

/** bench/results/soak-20261201-193000 for a run started at 2026-12-01T19:30:00Z. */
export function defaultOutDir(startedAt: Date): string {
  const iso = startedAt.toISOString();
  return `bench/results/soak-${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}`;
}

/**
 * The carousel starts with its first zone whatever `zone=` says, so the list is turned to begin at
 * the start zone: the first minutes then show the zone asked for, and no switch happens at once.
 */
export function rotateToStart(zones: readonly string[], start: string): string[] {
  const i = zones.indexOf(start);
  return i <= 0 ? [...zones] : [...zones.slice(i), ...zones.slice(0, i)];
}

/** The app URL's query for a soak (test=1 for the hook). */
export function soakQuery(o: SoakOptions, allZones: readonly string[]): URLSearchParams {
  const q = new URLSearchParams();
  q.set('test', '1');
  q.set('zone', o.zone);
  q.set('mode', o.mode);
  q.set('simSpeed', String(o.speed));
  if (o.mode === 'screen') {
    const carousel = rotateToStart(o.carousel ?? allZones, o.zone);
    if (carousel.length > 1) q.set('carousel', carousel.join(','));
    if (o.renderScale !== null) q.set('renderScale', String(o.renderScale));
  }
  if (o.tileBudgetMB !== null) q.set('tileBudgetMB', String(o.tileBudgetMB));
  return q;
}
