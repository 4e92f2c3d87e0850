/** Issue 15 item 15: the page never zooms (pinch on a panel zoomed the whole kiosk page and it stayed zoomed). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blocksPageZoom } from '../../../src/app/pageZoomGuard';

const root = resolve(import.meta.dirname, '../../..');

describe('page zoom guard', () => {
  it('cancels multi-touch, gesture and ctrl+wheel zoom outside the 3D view only', () => {
    expect(blocksPageZoom('touchmove', { touches: 2, inView: false })).toBe(true);
    expect(blocksPageZoom('touchstart', { touches: 3, inView: false })).toBe(true);
    expect(blocksPageZoom('gesture', { inView: false })).toBe(true);
    expect(blocksPageZoom('wheel', { ctrlKey: true, inView: false })).toBe(true);
    // One finger scrolls a panel; a plain wheel scrolls it too.
    expect(blocksPageZoom('touchmove', { touches: 1, inView: false })).toBe(false);
    expect(blocksPageZoom('wheel', { ctrlKey: false, inView: false })).toBe(false);
    // In the view a pinch zooms the camera.
    expect(blocksPageZoom('touchmove', { touches: 2, inView: true })).toBe(false);
    expect(blocksPageZoom('wheel', { ctrlKey: true, inView: true })).toBe(false);
    expect(blocksPageZoom('gesture', { inView: true })).toBe(false);
  });

  it('caps the viewport scale in index.html', () => {
    const html = readFileSync(resolve(root, 'index.html'), 'utf8');
    const meta = /<meta name="viewport" content="([^"]+)"/.exec(html)?.[1] ?? '';
    const parts = new Map(meta.split(',').map((p) => p.trim().split('=') as [string, string]));
    expect(parts.get('maximum-scale')).toBe('1');
    expect(parts.get('user-scalable')).toBe('no');
  });

  it('turns off pinch zoom with touch-action on the document and the panels', () => {
    const css = readFileSync(resolve(root, 'src/ui/styles.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    const rule = /([^{}]+)\{\s*touch-action:\s*pan-x pan-y;\s*\}/.exec(css);
    expect(rule).not.toBeNull();
    const selectors = rule![1]!.split(',').map((s) => s.trim());
    expect(selectors).toEqual(expect.arrayContaining(['html', 'body', '.st-panel', '.st-statusbar']));
  });
});
