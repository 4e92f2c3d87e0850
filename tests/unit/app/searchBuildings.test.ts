import { describe, expect, it } from 'vitest';
import type { BuildingIndexEntry } from '../../../src/app/buildingIndex';
import { normalizeForSearch, searchBuildings } from '../../../src/app/searchBuildings';

const b = (id: string, name: string, nameEn: string, heightM = 20, source: 'osm' | 'generated' = 'osm'): BuildingIndexEntry => ({
  id, name, nameEn, source, heightM, floors: Math.round(heightM / 3.2), landUse: 'B', x: 0, y: 0, topM: heightM,
});

const index = [
  b('osm:way/1', '龙美术馆（西岸馆）', 'Long Museum West Bund', 18),
  b('osm:way/2', '余德耀美术馆', 'Yuz Museum', 16),
  b('osm:way/3', '西岸美术馆', 'West Bund Museum', 22),
  b('gen:westbund:1', '西岸商务楼 1 号', 'West Bund Office 1', 120, 'generated'),
  b('osm:way/4', '美术馆', 'Museum', 10),
  b('osm:way/5', '', '', 30),
];

describe('searchBuildings', () => {
  it('ranks exact, then prefix, then word prefix, then substring', () => {
    const ids = searchBuildings(index, '美术馆').map((h) => h.entry.id);
    expect(ids[0]).toBe('osm:way/4');
    expect(ids).toHaveLength(4);
    const en = searchBuildings(index, 'museum').map((h) => h.entry.id);
    expect(en[0]).toBe('osm:way/4');
    // "Long Museum…", "Yuz Museum", "West Bund Museum" all match at a word start; shorter name first.
    expect(en.slice(1)).toEqual(['osm:way/2', 'osm:way/3', 'osm:way/1']);
  });

  it('matches Chinese or English, case-insensitively, full-width input included', () => {
    expect(searchBuildings(index, '西岸').map((h) => h.entry.id)).toEqual(['osm:way/3', 'gen:westbund:1', 'osm:way/1']);
    expect(searchBuildings(index, 'WEST BUND').map((h) => h.entry.id)).toContain('osm:way/1');
    expect(searchBuildings(index, 'ＹＵＺ')[0]?.entry.id).toBe('osm:way/2');
    expect(searchBuildings(index, 'yuz')[0]?.matched).toBe('nameEn');
  });

  it('orders numbered names naturally', () => {
    const gen = [10, 2, 1].map((n) => b(`gen:yangpu:${n}`, `杨树浦水厂 ${n} 号楼`, `Waterworks bldg ${n}`, 5 + n, 'generated'));
    expect(searchBuildings(gen, '水厂').map((h) => h.entry.id)).toEqual(['gen:yangpu:1', 'gen:yangpu:2', 'gen:yangpu:10']);
  });

  it('puts real buildings before generated ones of the same rank', () => {
    const hits = searchBuildings(index, '西岸').map((h) => h.entry.source);
    expect(hits[0]).toBe('osm');
  });

  it('returns nothing for an empty query, skips unnamed buildings, honours the limit', () => {
    expect(searchBuildings(index, '   ')).toEqual([]);
    expect(searchBuildings(index, '', 5)).toEqual([]);
    expect(searchBuildings(index, 'u', 2)).toHaveLength(2);
    expect(searchBuildings(index, 'a').every((h) => h.entry.id !== 'osm:way/5')).toBe(true);
  });

  it('treats regex characters literally', () => {
    expect(() => searchBuildings(index, '(.*')).not.toThrow();
    expect(searchBuildings(index, '（西岸')[0]?.entry.id).toBe('osm:way/1');
  });

  it('normalises', () => {
    expect(normalizeForSearch('  Ａb  C ')).toBe('ab c');
  });
});
