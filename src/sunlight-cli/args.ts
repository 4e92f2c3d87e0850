/** Command-line options of `npm run sunlight` (pure, so it is testable without spawning a process). */
import { isZoneId, ZONE_IDS } from '../tiler/zones';
import { DEFAULT_PROFILE_ID, isProfileId, PROFILE_IDS, type ProfileOverrides } from '../analysis/sunlight/profiles';
import { DEFAULT_SPACING_M } from '../analysis/sunlight/receivers';
import { LAND_USE_CLASSES, isLandUseClass, type LandUseClass } from '../core/landUse';

/** A bad argument or input file: the CLI prints the message and exits 2. */
export class UsageError extends Error {}

export interface SunlightCliOptions {
  zone: string;
  /** A shipped scheme id or a scheme file path; null = the existing state. */
  scheme: string | null;
  crs: 'wgs84' | 'gcj02';
  /** A plot id or a GeoJSON file path; null = the scheme's plot. */
  receivers: string | null;
  uses: LandUseClass[] | 'all';
  profile: string;
  overrides: ProfileOverrides;
  year: number;
  spacingM: number;
  out: string;
  /** Also run the existing state on the scheme's neighbours and list the windows it worsens. */
  impact: boolean;
  /** Repository root (plan data and scenes); default: the one this file lives in. */
  root: string | null;
  help: boolean;
}

export const SUNLIGHT_USAGE = `Usage: npm run sunlight -- --zone <id> --out <result.json> [options]
  --zone <id>             ${ZONE_IDS.join(' | ')}
  --scheme <id|file>      a shipped scheme id, or a scheme file (GeoJSON / CityJSON); default: existing state
  --crs wgs84|gcj02       datum of a scheme file's lon/lat (default wgs84)
  --receivers <plot|file> a plot id, or a GeoJSON polygon file (lon/lat); default: the scheme's plot
  --uses <R,A,…|all>      land uses of receiver buildings (default R)
  --profile <id>          ${PROFILE_IDS.join(' | ')} (default ${DEFAULT_PROFILE_ID})
  --param <key=value>     override a profile parameter, e.g. --param minHours=3 (repeatable)
  --year <N>              year of the standard day (default: this year)
  --spacing <m>           window spacing along facades (default ${DEFAULT_SPACING_M})
  --impact                with --scheme: also list neighbouring windows the scheme worsens
  --root <dir>            repository root (default: this checkout)
  --out <file>            where to write the result JSON`;

const NUMERIC_PARAMS = ['windowStartTst', 'windowEndTst', 'minHours', 'minSegmentMin', 'stepMin', 'sillHeightM', 'windowWidthM', 'floorHeightM'] as const;

function parseParam(kv: string, into: ProfileOverrides): void {
  const eq = kv.indexOf('=');
  if (eq <= 0) throw new UsageError(`--param needs key=value, got "${kv}"`);
  const key = kv.slice(0, eq);
  const raw = kv.slice(eq + 1);
  if ((NUMERIC_PARAMS as readonly string[]).includes(key)) {
    const v = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(v)) throw new UsageError(`--param ${key} must be a number, got "${raw}"`);
    (into as Record<string, number>)[key] = v;
  } else if (key === 'mode' || key === 'term') {
    (into as Record<string, string>)[key] = raw;
  } else {
    throw new UsageError(`--param: unknown parameter "${key}" (known: ${[...NUMERIC_PARAMS, 'mode', 'term'].join(', ')})`);
  }
}

function parseUses(v: string): LandUseClass[] | 'all' {
  if (v === 'all') return 'all';
  const parts = v.split(',').map((s) => s.trim().toUpperCase());
  const bad = parts.find((p) => !isLandUseClass(p));
  if (bad !== undefined) throw new UsageError(`--uses: "${bad}" is not a land-use class (${LAND_USE_CLASSES.join(', ')} or all)`);
  return parts as LandUseClass[];
}

export function parseSunlightArgs(argv: readonly string[], nowYear = new Date().getFullYear()): SunlightCliOptions {
  const o: SunlightCliOptions = {
    zone: '', scheme: null, crs: 'wgs84', receivers: null, uses: ['R'], profile: DEFAULT_PROFILE_ID, overrides: {},
    year: nowYear, spacingM: DEFAULT_SPACING_M, out: '', impact: false, root: null, help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i]!;
    let inline: string | undefined;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) {
      inline = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    const value = (): string => {
      if (inline !== undefined) return inline;
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`);
      return v;
    };
    const num = (): number => {
      const s = value();
      const v = Number(s);
      if (s.trim() === '' || !Number.isFinite(v)) throw new UsageError(`${a} must be a number, got "${s}"`);
      return v;
    };
    switch (a) {
      case '--zone': o.zone = value(); break;
      case '--scheme': o.scheme = value(); break;
      case '--crs': {
        const v = value();
        if (v !== 'wgs84' && v !== 'gcj02') throw new UsageError(`--crs must be wgs84 or gcj02, got "${v}"`);
        o.crs = v;
        break;
      }
      case '--receivers': o.receivers = value(); break;
      case '--uses': o.uses = parseUses(value()); break;
      case '--profile': o.profile = value(); break;
      case '--param': parseParam(value(), o.overrides); break;
      case '--year': o.year = num(); break;
      case '--spacing': o.spacingM = num(); break;
      case '--out': o.out = value(); break;
      case '--root': o.root = value(); break;
      case '--impact': o.impact = true; break;
      case '--help': case '-h': o.help = true; break;
      default: throw new UsageError(`unknown argument "${argv[i]}"`);
    }
  }
  if (o.help) return o;
  if (!o.zone) throw new UsageError('--zone is required');
  if (!isZoneId(o.zone)) throw new UsageError(`unknown zone "${o.zone}" (known: ${ZONE_IDS.join(', ')})`);
  if (!o.out) throw new UsageError('--out is required');
  if (!isProfileId(o.profile)) throw new UsageError(`unknown profile "${o.profile}" (known: ${PROFILE_IDS.join(', ')})`);
  if (!Number.isInteger(o.year) || o.year < 1900 || o.year > 2100) throw new UsageError(`--year must be a whole year 1900–2100, got ${o.year}`);
  if (!(o.spacingM >= 0.5 && o.spacingM <= 100)) throw new UsageError(`--spacing must be 0.5–100 m, got ${o.spacingM}`);
  if (!o.scheme && !o.receivers) throw new UsageError('give --receivers (a plot id or GeoJSON file), or --scheme to analyse its plot');
  if (o.impact && !o.scheme) throw new UsageError('--impact needs --scheme');
  return o;
}
