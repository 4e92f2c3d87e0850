/** Command-line options of `npm run tiles` (pure, so it is testable without spawning a process). */
export interface TilerCliOptions {
  /** Empty: every zone. */
  zones: string[];
  /** Root directory; each zone goes to <out>/<zone>/. Default: public/tiles. */
  out: string | null;
  force: boolean;
  /** Quantise + meshopt-compress glb content; `--no-compress` writes plain float32 tiles. */
  compress: boolean;
  /** Side of the synthetic city in metres (default: tiles/synthetic-city/city.json), for quick builds. */
  citySizeM: number | null;
  help: boolean;
}

export const TILER_USAGE = `Usage: npm run tiles -- [--zone <id>]... [--out <dir>] [--force] [--no-compress] [--city-size <m>]
  --zone <id>   build only this zone (repeatable; default: jiading, westbund, yangpu);
                synthetic-city (250,000 generated buildings, 20 km square) is built only when named
  --out <dir>   output root; zone <id> is written to <dir>/<id>/ (default: public/tiles)
  --force       rebuild even when build-hash.txt matches the inputs
  --no-compress write plain float32 glb (no KHR_mesh_quantization / EXT_meshopt_compression)
  --city-size <m> synthetic-city only: a smaller square (1000–40000 m) with the same rules`;

function citySize(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 1000 || n > 40_000) throw new Error(`--city-size: "${v}" is not a side in metres between 1000 and 40000\n${TILER_USAGE}`);
  return n;
}

export function parseTilerArgs(argv: readonly string[]): TilerCliOptions {
  const opts: TilerCliOptions = { zones: [], out: null, force: false, compress: true, citySizeM: null, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${a} needs a value\n${TILER_USAGE}`);
      return v;
    };
    if (a === '--zone') opts.zones.push(value());
    else if (a.startsWith('--zone=')) opts.zones.push(a.slice('--zone='.length));
    else if (a === '--out') opts.out = value();
    else if (a.startsWith('--out=')) opts.out = a.slice('--out='.length);
    else if (a === '--force') opts.force = true;
    else if (a === '--no-compress') opts.compress = false;
    else if (a === '--city-size') opts.citySizeM = citySize(value());
    else if (a === '--help' || a === '-h') opts.help = true;
    else throw new Error(`unknown argument "${a}"\n${TILER_USAGE}`);
  }
  return opts;
}
