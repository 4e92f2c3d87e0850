import { describe, expect, it } from 'vitest';
import { classifySensor, classifyValue, crossedThreshold, resolveThresholds } from '../../../src/analysis/live/thresholds';

const water = { warn: 10, alarm: 25, direction: 'above' as const };
const health = { warn: 90, alarm: 50, direction: 'below' as const };

describe('threshold classification', () => {
  it('classifies "above" thresholds, a boundary value belonging to the worse band', () => {
    expect(classifyValue(0, water)).toBe('normal');
    expect(classifyValue(9.9, water)).toBe('normal');
    expect(classifyValue(10, water)).toBe('warning');
    expect(classifyValue(24.9, water)).toBe('warning');
    expect(classifyValue(25, water)).toBe('alarm');
    expect(classifyValue(80, water)).toBe('alarm');
  });

  it('classifies "below" thresholds (device health: lower is worse)', () => {
    expect(classifyValue(99, health)).toBe('normal');
    expect(classifyValue(90, health)).toBe('warning');
    expect(classifyValue(60, health)).toBe('warning');
    expect(classifyValue(50, health)).toBe('alarm');
    expect(classifyValue(0, health)).toBe('alarm');
  });

  it('without thresholds every finite value is normal', () => {
    expect(classifyValue(1e6, null)).toBe('normal');
  });

  it('a silent, never-reported or non-finite sensor is offline, never a value of 0', () => {
    expect(classifySensor({ value: null, stale: true, quality: null }, water)).toBe('offline');
    expect(classifySensor({ value: 30, stale: true, quality: 'good' }, water)).toBe('offline');
    expect(classifySensor({ value: Number.NaN, stale: false, quality: 'good' }, water)).toBe('offline');
    expect(classifySensor({ value: 0, stale: false, quality: 'good' }, water)).toBe('normal');
  });

  it('a reading the device marks bad is at least a warning', () => {
    expect(classifySensor({ value: 99, stale: false, quality: 'bad' }, health)).toBe('warning');
    expect(classifySensor({ value: 0, stale: false, quality: 'bad' }, health)).toBe('alarm');
    expect(classifySensor({ value: 99, stale: false, quality: 'suspect' }, health)).toBe('normal');
  });

  it('scene thresholds override the catalogue; capacity-relative ones scale by capacity', () => {
    const scene = {
      water_level: { warn: 15, alarm: 30, direction: 'above' as const, relativeTo: 'absolute' as const },
      parking: { warn: 0.85, alarm: 0.95, direction: 'above' as const, relativeTo: 'capacity' as const },
    };
    expect(resolveThresholds('water_level', water, undefined, scene)).toEqual({ warn: 15, alarm: 30, direction: 'above' });
    expect(resolveThresholds('noise', { warn: 70, alarm: 80, direction: 'above' }, undefined, scene)).toEqual({ warn: 70, alarm: 80, direction: 'above' });
    expect(resolveThresholds('parking', { warn: 1, alarm: 2, direction: 'above' }, 200, scene)).toEqual({ warn: 170, alarm: 190, direction: 'above' });
    // No capacity known: the relative spec cannot apply, the catalogue does.
    expect(resolveThresholds('parking', { warn: 1, alarm: 2, direction: 'above' }, undefined, scene)).toEqual({ warn: 1, alarm: 2, direction: 'above' });
    expect(resolveThresholds('pole', undefined, undefined, scene)).toBeNull();
  });

  it('names the crossed threshold for messages', () => {
    expect(crossedThreshold('alarm', water)).toBe(25);
    expect(crossedThreshold('warning', water)).toBe(10);
    expect(crossedThreshold('normal', water)).toBeNull();
    expect(crossedThreshold('offline', water)).toBeNull();
  });
});
