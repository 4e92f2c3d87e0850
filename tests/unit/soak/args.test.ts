import { describe, expect, it } from 'vitest';
import { defaultOutDir, parseSoakArgs, rotateToStart, SoakArgsError, soakQuery } from '../../soak/args';

const ok = (s: string) => parseSoakArgs(s.split(' ').filter(Boolean));
const bad = (s: string) => () => ok(s);

describe('soak arguments', () => {
  it('reads the documented command line with its defaults', () => {
    const o = ok('--hours 6 --zone jiading --mode screen');
    expect(o).toMatchObject({ durationS: 21600, zone: 'jiading', mode: 'screen', speed: 60, alarmEveryMin: 5, sampleS: 10, out: null, carousel: null, gcEvery: 1 });
    expect(o.drills).toEqual(['crash', 'rainstorm', 'rsu-fail']);
    const p = ok('--minutes 10 --zone yangpu --speed 10 --alarm-every-min 0 --sample-s 15 --out x/y --carousel none --viewport 1920x1080 --drills crash');
    expect(p).toMatchObject({ durationS: 600, speed: 10, alarmEveryMin: 0, sampleS: 15, out: 'x/y', carousel: [], viewport: { width: 1920, height: 1080 }, drills: ['crash'] });
    expect(parseSoakArgs(['--minutes=0.5', '--zone=westbund'])).toMatchObject({ durationS: 30, zone: 'westbund' });
  });

  it('says what is wrong', () => {
    expect(bad('--zone jiading')).toThrow('--hours or --minutes is required');
    expect(bad('--hours 1 --minutes 5 --zone jiading')).toThrow('not both');
    expect(bad('--hours 1')).toThrow('--zone is required');
    expect(bad('--hours x --zone jiading')).toThrow('--hours needs a number');
    expect(bad('--hours -1 --zone jiading')).toThrow(SoakArgsError);
    expect(bad('--hours 1 --zone jiading --speed 61')).toThrow('--speed needs a number from 1 to 60, got "61"');
    expect(bad('--hours 1 --zone jiading --mode tv')).toThrow('--mode must be screen, planner or kiosk');
    expect(bad('--hours 1 --zone jiading --frobnicate 2')).toThrow('unknown option --frobnicate');
    expect(bad('--hours 1 --zone jiading --zone yangpu')).toThrow('--zone given twice');
    expect(bad('--hours 1 --zone')).toThrow('--zone needs a value');
    expect(bad('--hours 1 --zone jiading --drills flood')).toThrow('unknown drill "flood"');
    expect(bad('--hours 1 --zone Jiading!')).toThrow('not a zone id');
    expect(bad('--minutes 1 --zone jiading --sample-s 60')).toThrow('must be shorter than the run');
    expect(bad('--minutes 1 --zone jiading --sample-s 1')).toThrow('--sample-s');
    expect(bad('--hours 1 --zone jiading --viewport big')).toThrow('WxH');
    expect(bad('--hours 1 --zone jiading --mode planner --carousel jiading,yangpu')).toThrow('--mode screen only');
    expect(bad('stray')).toThrow('unexpected argument "stray"');
  });

  it('needs nothing else for --help and --report', () => {
    expect(ok('--help').help).toBe(true);
    expect(ok('--report bench/results/soak-1').report).toBe('bench/results/soak-1');
  });

  it('names the output folder by the UTC start and builds the app URL, carousel starting at the zone', () => {
    expect(defaultOutDir(new Date('2026-12-01T19:30:05.123Z'))).toBe('bench/results/soak-20261201-193005');
    expect(rotateToStart(['jiading', 'westbund', 'yangpu'], 'westbund')).toEqual(['westbund', 'yangpu', 'jiading']);
    expect(rotateToStart(['jiading', 'westbund'], 'other')).toEqual(['jiading', 'westbund']);
    const q = soakQuery(ok('--hours 1 --zone yangpu --speed 30 --render-scale 0.5'), ['jiading', 'westbund', 'yangpu']);
    expect(Object.fromEntries(q)).toEqual({ test: '1', zone: 'yangpu', mode: 'screen', simSpeed: '30', carousel: 'yangpu,jiading,westbund', renderScale: '0.5' });
    expect(soakQuery(ok('--hours 1 --zone yangpu --carousel none'), ['jiading', 'yangpu']).has('carousel')).toBe(false);
    expect(soakQuery(ok('--hours 1 --zone yangpu --mode kiosk --tile-budget-mb 64'), ['jiading']).get('tileBudgetMB')).toBe('64');
  });
});
