/** The Chromium command line for one screen, from its options (pure). */
import type { WindowGeometry } from './args';

/**
 * Every unattended screen: no dialog, bubble, keyring prompt or update nag may ever sit on top of
 * the page where nobody is there to dismiss it, and a covered or unfocused window must keep
 * animating (a wall is often "occluded" by nothing more than a screensaver's idea of it).
 */
export const UNATTENDED_FLAGS: readonly string[] = [
  '--noerrdialogs',
  '--no-first-run',
  '--no-default-browser-check',
  '--hide-crash-restore-bubble',
  '--check-for-update-interval=31536000',
  '--password-store=basic',
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

/** Kiosk: full screen with no browser UI; strangers' pinches and swipes must not zoom or go back. */
export const KIOSK_FLAGS: readonly string[] = ['--kiosk', '--disable-pinch', '--overscroll-history-navigation=0'];

export interface ChromiumLaunch {
  url: string;
  kiosk: boolean;
  headless: boolean;
  window: WindowGeometry | null;
  userDataDir: string;
  extraArgs: readonly string[];
}

export function windowFlags(w: WindowGeometry | null): string[] {
  if (!w) return [];
  const out: string[] = [];
  if (w.x !== null && w.y !== null) out.push(`--window-position=${w.x},${w.y}`);
  out.push(`--window-size=${w.width},${w.height}`);
  return out;
}

export function chromiumArgs(o: ChromiumLaunch): string[] {
  const args = [
    `--user-data-dir=${o.userDataDir}`,
    // Port 0: the browser picks a free port and writes it to DevToolsActivePort, so several
    // screens on one machine never collide. Chromium binds it to loopback only.
    '--remote-debugging-port=0',
    ...UNATTENDED_FLAGS,
  ];
  if (o.headless) args.push('--headless=new');
  if (o.kiosk) args.push(...KIOSK_FLAGS);
  args.push(...windowFlags(o.window), ...o.extraArgs);
  // --app asks for an app window, which headless mode does not have: it gets the URL as the page
  // to open, like a kiosk.
  if (o.kiosk || o.headless) args.push(o.url);
  else args.push(`--app=${o.url}`);
  return args;
}
