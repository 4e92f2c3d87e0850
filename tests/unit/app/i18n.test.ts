import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../src/app/i18n';
import { en } from '../../../src/app/i18n/en';
import { zh } from '../../../src/app/i18n/zh';

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v as object, `${prefix}${k}.`),
  );
}

describe('i18n dictionaries', () => {
  it('zh and en have exactly the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
  });

  it('have no empty strings and the same interpolation variables', () => {
    const vars = (s: string) => [...s.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    const flat = (o: object, p = ''): [string, string][] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [[`${p}${k}`, v] as [string, string]] : flat(v as object, `${p}${k}.`)));
    const enMap = new Map(flat(en));
    for (const [k, v] of flat(zh)) {
      expect(v.trim(), k).not.toBe('');
      expect(vars(enMap.get(k) ?? ''), k).toEqual(vars(v));
    }
  });

  it('defaults to Chinese and switches to English', async () => {
    const i18n = createI18n();
    expect(i18n.t('topbar.engineGlobe')).toBe('地球');
    await i18n.changeLanguage('en');
    expect(i18n.t('topbar.engineGlobe')).toBe('Globe');
  });
});
