import { readFileSync, existsSync } from 'node:fs';
import { SourceMapConsumer } from 'source-map-js';
const [file, dist, depthS] = process.argv.slice(2);
const p = JSON.parse(readFileSync(file, 'utf8'));
const maps = new Map<string, any>();
const mapFor = (url: string) => { if (maps.has(url)) return maps.get(url); let c = null; try { const path = new URL(url).pathname; const f = dist + path + '.map'; if (existsSync(f)) c = new SourceMapConsumer(JSON.parse(readFileSync(f, 'utf8'))); } catch {} maps.set(url, c); return c; };
const byId = new Map<number, any>(p.nodes.map((n: any) => [n.id, n]));
const nm = (n: any) => { const { url, lineNumber, columnNumber, functionName } = n.callFrame; const m = url ? mapFor(url) : null; if (m) { const o = m.originalPositionFor({ line: lineNumber + 1, column: columnNumber }); return `${(o.source ?? url).replace(/^.*node_modules\//, '').replace(/^.*\/src\//, 'src/')}:${o.name ?? functionName}`; } return functionName || '(anon)'; };
const self = new Map<number, number>();
for (let i = 0; i < p.samples.length; i++) self.set(p.samples[i], (self.get(p.samples[i]) ?? 0) + (p.timeDeltas[i + 1] ?? 0) / 1000);
const incl = new Map<number, number>();
const inc = (id: number): number => { if (incl.has(id)) return incl.get(id)!; const n = byId.get(id); let s = self.get(id) ?? 0; for (const c of n.children ?? []) s += inc(c); incl.set(id, s); return s; };
const agg = new Map<string, number>(); const selfAgg = new Map<string, number>();
const D = +(depthS ?? 4);
const walk = (id: number, path: string, d: number) => { const n = byId.get(id); const key = path + '\u0001' + nm(n); agg.set(key, (agg.get(key) ?? 0) + inc(id)); if (d < D) for (const c of n.children ?? []) walk(c, key, d + 1); };
const selfWalk = (id: number) => { const n = byId.get(id); const k = nm(n); selfAgg.set(k, (selfAgg.get(k) ?? 0) + (self.get(id) ?? 0)); for (const c of n.children ?? []) selfWalk(c); };
let total = 0;
for (const n of p.nodes) if (n.callFrame.scriptId === '4' && n.callFrame.lineNumber === 16) { total += inc(n.id); for (const c of n.children ?? []) { walk(c, '', 1); selfWalk(c); } }
console.log('rAF total ms', total.toFixed(1));
for (const [k, v] of [...agg].sort((a, b) => a[0].localeCompare(b[0]))) if (v > 15) { const parts = k.split('\u0001'); console.log(v.toFixed(1).padStart(7) + ' ' + '  '.repeat(parts.length - 2) + parts[parts.length - 1]); }
console.log('--- self under rAF');
console.log([...selfAgg].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => v.toFixed(1).padStart(7) + ' ' + k).join('\n'));
