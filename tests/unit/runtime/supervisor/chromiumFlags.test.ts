import { describe, expect, it } from 'vitest';
import { chromiumArgs, KIOSK_FLAGS, UNATTENDED_FLAGS, windowFlags, type ChromiumLaunch } from '../../../../src/runtime/supervisor/chromiumFlags';

const BASE: ChromiumLaunch = { url: 'http://127.0.0.1:5173/?mode=screen', kiosk: false, headless: false, window: null, userDataDir: '/tmp/p', extraArgs: [] };

describe('Chromium command line', () => {
  it('kiosk: the kiosk flags, the URL last as the page to open', () => {
    const args = chromiumArgs({ ...BASE, kiosk: true });
    for (const f of ['--kiosk', '--noerrdialogs', '--disable-pinch', '--overscroll-history-navigation=0', '--no-first-run',
      '--hide-crash-restore-bubble', '--check-for-update-interval=31536000', '--password-store=basic']) expect(args).toContain(f);
    expect(args.at(-1)).toBe(BASE.url);
    expect(args.some((a) => a.startsWith('--app='))).toBe(false);
  });

  it('app mode: --app=<url>, no kiosk flags', () => {
    const args = chromiumArgs(BASE);
    expect(args.at(-1)).toBe(`--app=${BASE.url}`);
    for (const f of KIOSK_FLAGS) expect(args).not.toContain(f);
    for (const f of UNATTENDED_FLAGS) expect(args).toContain(f);
  });

  it('always: its own profile and a DevTools port the browser picks', () => {
    const args = chromiumArgs(BASE);
    expect(args).toContain('--user-data-dir=/tmp/p');
    expect(args).toContain('--remote-debugging-port=0');
  });

  it('window position and size from --window', () => {
    expect(windowFlags(null)).toEqual([]);
    expect(windowFlags({ width: 1920, height: 1080, x: 1920, y: 0 })).toEqual(['--window-position=1920,0', '--window-size=1920,1080']);
    expect(windowFlags({ width: 1080, height: 1920, x: null, y: null })).toEqual(['--window-size=1080,1920']);
    expect(chromiumArgs({ ...BASE, kiosk: true, window: { width: 800, height: 600, x: -800, y: 0 } })).toContain('--window-position=-800,0');
  });

  it('headless for tests: --headless=new and the URL as a page, extra flags before it', () => {
    const args = chromiumArgs({ ...BASE, headless: true, extraArgs: ['--no-sandbox', '--use-angle=swiftshader'] });
    expect(args).toContain('--headless=new');
    expect(args.slice(-3)).toEqual(['--no-sandbox', '--use-angle=swiftshader', BASE.url]);
  });

  it('is a pure function of its options', () => {
    expect(chromiumArgs({ ...BASE, kiosk: true })).toEqual(chromiumArgs({ ...BASE, kiosk: true }));
    expect(new Set(chromiumArgs({ ...BASE, kiosk: true })).size).toBe(chromiumArgs({ ...BASE, kiosk: true }).length);
  });
});
