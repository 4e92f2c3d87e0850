import { describe, expect, it } from 'vitest';
import { displayUnit } from '../../../src/layers/live/labelText';
import { zh } from '../../../src/app/i18n/zh';

/** A t() over the real Chinese dictionary, enough for flat `live.unit.*` keys. */
function tZh(key: string): string {
  const parts = key.split('.');
  let node: unknown = zh;
  for (const p of parts) node = (node as Record<string, unknown>)[p];
  if (typeof node !== 'string') throw new Error(`missing key ${key}`);
  return node;
}

describe('displayUnit', () => {
  it('translates word units so a Chinese screen never shows English words', () => {
    expect(displayUnit('spaces', tZh)).toBe('个车位');
    expect(displayUnit('connectors', tZh)).toBe('个充电桩接口');
  });

  it('leaves symbols as the feed sent them', () => {
    for (const u of ['µg/m³', 'dB(A)', 'cm', '%', 'AQI', '']) expect(displayUnit(u, tZh)).toBe(u);
  });
});
