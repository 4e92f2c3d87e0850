/** Issue 15 item 15: the installed listeners cancel a page pinch over panels and leave the 3D view's alone. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installPageZoomGuard } from '../../src/app/pageZoomGuard';

function touch(target: Element, type: 'touchstart' | 'touchmove', fingers: number): Event {
  const e = new Event(type, { bubbles: true, cancelable: true });
  Object.defineProperty(e, 'touches', { value: Array.from({ length: fingers }, () => ({})) });
  target.dispatchEvent(e);
  return e;
}

function wheel(target: Element, ctrlKey: boolean): Event {
  const e = new WheelEvent('wheel', { bubbles: true, cancelable: true, ctrlKey, deltaY: -40 });
  target.dispatchEvent(e);
  return e;
}

describe('installPageZoomGuard', () => {
  let remove: () => void = () => {};
  let panel: HTMLElement;
  let canvas: HTMLCanvasElement;
  let status: HTMLElement;

  beforeEach(() => {
    document.body.innerHTML = `
      <div class="st-workspace">
        <div class="st-view"><canvas></canvas></div>
        <div class="st-hud"><section class="st-panel st-vitals"><p>KPI</p></section><footer class="st-statusbar"></footer></div>
      </div>`;
    panel = document.querySelector('.st-vitals p')!;
    canvas = document.querySelector('canvas')!;
    status = document.querySelector('.st-statusbar')!;
    remove = installPageZoomGuard(document);
  });
  afterEach(() => {
    remove();
    document.body.innerHTML = '';
  });

  it('cancels a two-finger pinch on a panel and on the status bar', () => {
    expect(touch(panel, 'touchstart', 2).defaultPrevented).toBe(true);
    expect(touch(panel, 'touchmove', 2).defaultPrevented).toBe(true);
    expect(touch(status, 'touchmove', 2).defaultPrevented).toBe(true);
    expect(wheel(panel, true).defaultPrevented).toBe(true);
    const g = new Event('gesturestart', { bubbles: true, cancelable: true });
    panel.dispatchEvent(g);
    expect(g.defaultPrevented).toBe(true);
  });

  it('lets one finger scroll a panel and a pinch on the 3D view reach the camera', () => {
    expect(touch(panel, 'touchmove', 1).defaultPrevented).toBe(false);
    expect(wheel(panel, false).defaultPrevented).toBe(false);
    expect(touch(canvas, 'touchmove', 2).defaultPrevented).toBe(false);
    expect(wheel(canvas, true).defaultPrevented).toBe(false);
  });

  it('removes its listeners', () => {
    remove();
    expect(touch(panel, 'touchmove', 2).defaultPrevented).toBe(false);
  });
});
