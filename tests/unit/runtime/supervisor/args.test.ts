import { describe, expect, it } from 'vitest';
import { DEFAULT_CHROMIUM_PATH, parseScreenArgs, parseWindowGeometry, USAGE, type ScreenOptions } from '../../../../src/runtime/supervisor/args';

const URL_ = 'http://127.0.0.1:5173/?mode=screen&zone=jiading';
const parse = (argv: string[], env: Record<string, string> = {}) => parseScreenArgs(argv, env) as ScreenOptions;

describe('npm run screen: flags', () => {
  it('has documented defaults', () => {
    expect(parse(['--url', URL_])).toEqual({
      url: URL_, kiosk: false, window: null, logFile: null, heartbeatMs: 5000, heartbeatMisses: 3,
      chromiumPath: DEFAULT_CHROMIUM_PATH, userDataDir: null, headless: false, chromiumArgs: [],
    });
  });

  it('reads every option', () => {
    const o = parse([
      '--url', URL_, '--kiosk', '--window', '1920x1080+1920+0', '--log', '/var/log/shentwin/left.log', '--heartbeat-ms', '2000',
      '--heartbeat-misses', '5', '--chromium', '/opt/chromium/chrome', '--user-data-dir', '/var/lib/shentwin/left', '--headless',
      '--chromium-arg=--no-sandbox', '--chromium-arg=--force-device-scale-factor=1',
    ]);
    expect(o).toEqual({
      url: URL_, kiosk: true, window: { width: 1920, height: 1080, x: 1920, y: 0 }, logFile: '/var/log/shentwin/left.log',
      heartbeatMs: 2000, heartbeatMisses: 5, chromiumPath: '/opt/chromium/chrome', userDataDir: '/var/lib/shentwin/left',
      headless: true, chromiumArgs: ['--no-sandbox', '--force-device-scale-factor=1'],
    });
  });

  it('takes the browser from CHROMIUM_PATH unless --chromium says otherwise', () => {
    expect(parse(['--url', URL_], { CHROMIUM_PATH: '/usr/lib/chromium/chromium' }).chromiumPath).toBe('/usr/lib/chromium/chromium');
    expect(parse(['--url', URL_, '--chromium', '/x/chrome'], { CHROMIUM_PATH: '/y' }).chromiumPath).toBe('/x/chrome');
  });

  it('normalises the URL and keeps its query', () => {
    expect(parse(['--url', 'https://ops.example/viewer?zone=yangpu#x']).url).toBe('https://ops.example/viewer?zone=yangpu#x');
    expect(parse(['--url', 'http://host']).url).toBe('http://host/');
  });

  it('--help wins', () => {
    expect(parseScreenArgs(['--help'])).toBe('help');
    expect(parseScreenArgs(['-h', '--url', 'nonsense'])).toBe('help');
    expect(USAGE).toMatch(/--heartbeat-ms/);
  });

  it.each([
    [[], /--url is required/],
    [['--url', 'not a url'], /--url: "not a url" is not an absolute URL/],
    [['--url', 'javascript:alert(1)'], /scheme javascript: is not supported/],
    [['--url', URL_, '--heartbeat-ms', '50'], /--heartbeat-ms must be an integer from 100 to 600000, got "50"/],
    [['--url', URL_, '--heartbeat-ms', '1.5e3x'], /--heartbeat-ms must be an integer/],
    [['--url', URL_, '--heartbeat-misses', '0'], /--heartbeat-misses must be an integer from 1 to 100/],
    [['--url', URL_, '--window', '1920*1080'], /--window must look like 1920x1080 or 1920x1080\+0\+0/],
    [['--url', URL_, '--chromium-arg=no-sandbox'], /"no-sandbox" is not a flag/],
    [['--url', URL_, '--chromium-arg=--remote-debugging-port=9222'], /--remote-debugging-port is set by the supervisor/],
    [['--url', URL_, '--chromium-arg=--user-data-dir=/tmp/x'], /--user-data-dir is set by the supervisor/],
    [['--url', URL_, '--log', ''], /--log: empty path/],
    [['--url', URL_, '--bogus'], /Unknown option '--bogus'/],
    [['--url', URL_, 'stray'], /Unexpected argument 'stray'/],
  ])('rejects %j', (argv, msg) => {
    expect(() => parseScreenArgs(argv as string[])).toThrow(msg);
  });
});

describe('window geometry', () => {
  it('reads size alone, size and position, and negative offsets of a monitor left of the primary', () => {
    expect(parseWindowGeometry('1080x1920')).toEqual({ width: 1080, height: 1920, x: null, y: null });
    expect(parseWindowGeometry('3840x2160+3840+0')).toEqual({ width: 3840, height: 2160, x: 3840, y: 0 });
    expect(parseWindowGeometry('1920x1080+-1920+0')).toEqual({ width: 1920, height: 1080, x: -1920, y: 0 });
  });
  it('refuses nonsense and tiny windows', () => {
    expect(() => parseWindowGeometry('10x10')).toThrow(/too small/);
    expect(() => parseWindowGeometry('1920x1080+0')).toThrow(/must look like/);
    expect(() => parseWindowGeometry('')).toThrow(/must look like/);
  });
});
