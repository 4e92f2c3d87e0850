import { describe, expect, it } from 'vitest';
import { modeUrlParts, parseModeParams } from '../../../../src/app/modeUrl';

function parse(q: string) {
  const issues: string[] = [];
  const r = parseModeParams(new URLSearchParams(q), (param) => issues.push(param));
  return { r, issues };
}

describe('screen mode link parameters: hold= and alarmAt=', () => {
  it('reads the alarm hold in whole seconds and the interrupting severity, and writes them back', () => {
    const { r, issues } = parse('mode=screen&hold=5&alarmAt=critical');
    expect(issues).toEqual([]);
    expect(r?.settings).toEqual({ holdMs: 5000, alarmAt: 'critical' });
    expect(new URLSearchParams(modeUrlParts(r)).toString()).toBe('mode=screen&hold=5&alarmAt=critical');
  });

  it('reports bad values by parameter and keeps the defaults', () => {
    for (const q of ['hold=0', 'hold=601', 'hold=2.5', 'hold=', 'hold=1e2']) expect(parse(q).issues, q).toEqual(['hold']);
    expect(parse('alarmAt=urgent').issues).toEqual(['alarmAt']);
    expect(parse('alarmAt=toString').issues).toEqual(['alarmAt']);
    expect(parse('hold=600&alarmAt=info').r?.settings).toEqual({ holdMs: 600_000, alarmAt: 'info' });
  });
});
