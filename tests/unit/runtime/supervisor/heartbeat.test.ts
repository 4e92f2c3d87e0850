import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HEARTBEAT, escalate, INITIAL_HEARTBEAT, onAnswer, onCrash, onMiss, onRecoveryDone,
  type HeartbeatConfig, type HeartbeatState, type PageAction,
} from '../../../../src/runtime/supervisor/heartbeat';

const CFG: HeartbeatConfig = { ...DEFAULT_HEARTBEAT, misses: 3 };
const OK = { errorPage: false };
const ERROR_PAGE = { errorPage: true };

/** Drives the machine with a script of probe results, one per 5 s period, and records actions. */
function drive(script: string, s0: HeartbeatState = INITIAL_HEARTBEAT, t0 = 0): { actions: string[]; state: HeartbeatState; t: number } {
  let s = s0;
  let t = t0;
  const actions: string[] = [];
  const take = (a: PageAction, at: number) => {
    if (a.kind !== 'none') actions.push(`${at / 1000}:${a.kind}/${a.reason}+${a.delayMs}`);
  };
  for (const c of script) {
    t += 5000;
    const step = c === '.' ? onAnswer(CFG, s, t, OK) : c === 'x' ? onMiss(CFG, s) : c === 'e' ? onAnswer(CFG, s, t, ERROR_PAGE) : onCrash(CFG, s);
    s = step.state;
    take(step.action, t);
    // The supervisor reports each recovery done before the next probe.
    if (step.action.kind !== 'none') s = onRecoveryDone(s);
  }
  return { actions, state: s, t };
}

describe('heartbeat: a hung page', () => {
  it('misses must come in a row: two misses then an answer are nothing', () => {
    expect(drive('..xx.xx.xx..').actions).toEqual([]);
  });

  it('after 3 × 5 s without an answer the tab is reloaded at once', () => {
    const r = drive('...xxx');
    expect(r.actions).toEqual(['30:reload/hang+0']);
    expect(r.state.missesInRow).toBe(0);
  });

  it('a hang that comes back before the page was stable climbs the ladder: reload, new tab, new browser', () => {
    expect(drive('xxx..xxx..xxx..xxx').actions).toEqual([
      '15:reload/hang+0', '40:recreate/hang+0', '65:restart-browser/hang+0', '90:restart-browser/hang+0',
    ]);
  });

  it('a page that answered for stableMs (60 s) starts the ladder again from reload', () => {
    const first = drive('xxx');
    const healthy = drive('.'.repeat(14), first.state, first.t);
    expect(healthy.state.rung).toBe(0);
    expect(drive('xxx', healthy.state, healthy.t).actions).toEqual(['100:reload/hang+0']);
    const brief = drive('.'.repeat(5), first.state, first.t);
    expect(drive('xxx', brief.state, brief.t).actions).toEqual(['55:recreate/hang+0']);
  });

  it('the miss count restarts after an action, so each rung waits the full 3 misses', () => {
    expect(drive('xxxxxx').actions).toEqual(['15:reload/hang+0', '30:recreate/hang+0']);
  });
});

describe('heartbeat: a crashed tab', () => {
  it('is reloaded at once; the same crash reported twice before the reload is one crash', () => {
    let s = INITIAL_HEARTBEAT;
    const a = onCrash(CFG, s);
    expect(a.action).toEqual({ kind: 'reload', reason: 'crash', delayMs: 0 });
    s = a.state;
    expect(onCrash(CFG, s).action).toEqual({ kind: 'none' });
    s = onRecoveryDone(s);
    expect(onCrash(CFG, s).action.kind).toBe('reload');
  });

  it('crashes that keep coming wait 1 s, 2 s, 4 s … before the reload; a stable minute resets that', () => {
    expect(drive('c.c.c.c.').actions).toEqual(['5:reload/crash+0', '15:reload/crash+1000', '25:reload/crash+2000', '35:reload/crash+4000']);
    const r = drive('c.c.');
    expect(drive(`${'.'.repeat(13)}c`, r.state, r.t).actions).toEqual(['90:reload/crash+0']);
  });

  it('a crashed tab that does not come back after its reload gets a new tab', () => {
    expect(drive('cxxx').actions).toEqual(['5:reload/crash+0', '20:recreate/hang+0']);
  });

  it('a crash the reload fixed is over: a later hang starts the ladder from reload', () => {
    expect(drive('c.xxx').actions).toEqual(['5:reload/crash+0', '25:reload/hang+0']);
  });
});

describe('heartbeat: Chromium\'s error page instead of the viewer', () => {
  it('after 3 answers from chrome-error:// the tab goes back to the URL, with growing delays', () => {
    expect(drive('eeeeee..eee').actions).toEqual(['15:navigate/error-page+0', '30:navigate/error-page+1000', '55:navigate/error-page+2000']);
  });
  it('one error answer among good ones is nothing', () => {
    expect(drive('e.e.ee.').actions).toEqual([]);
  });
});

describe('escalate', () => {
  it('reload → recreate → restart-browser, which is the last rung', () => {
    expect([escalate('reload'), escalate('recreate'), escalate('restart-browser')]).toEqual(['recreate', 'restart-browser', 'restart-browser']);
  });
});
