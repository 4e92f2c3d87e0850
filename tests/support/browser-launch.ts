/**
 * Launches Debian's Chromium through playwright-core with the flags TESTING.md prescribes
 * (SwiftShader WebGL2, closed network), opens the built app, records console errors and uncaught
 * page exceptions, and waits on the app's test hook. One browser per test file, launched on first
 * use with a fresh profile; call `closeBrowser` in `afterAll`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import './browser-provided';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium-flags';
import { SNAPSHOT_KEYS, type HookSnapshot, type ShenTwinHook } from './browser-hook';

export { CHROMIUM_FLAGS, CHROMIUM_PATH };

/** Small enough that SwiftShader draws a frame quickly on 2 cores, large enough to see a zone. */
export const DEFAULT_VIEWPORT = { width: 1024, height: 640 } as const;

let context: BrowserContext | null = null;
let userDataDir: string | null = null;

async function browserContext(): Promise<BrowserContext> {
  if (context) return context;
  userDataDir = await mkdtemp(join(tmpdir(), 'shentwin-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_FLAGS],
    viewport: DEFAULT_VIEWPORT,
    deviceScaleFactor: 1,
  });
  return context;
}

export async function closeBrowser(): Promise<void> {
  const ctx = context;
  context = null;
  if (ctx) await ctx.close();
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  userDataDir = null;
}

export type AppParams = Record<string, string | number>;

/** The app's URL with the given query; `test=1` is always added so the hook exists. */
export function appUrl(params: AppParams = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) q.set(k, String(v));
  q.set('test', '1');
  return `${inject('baseUrl')}?${q.toString()}`;
}

export interface AppPage {
  page: Page;
  /** `console.error` output and failed-resource messages, as Chromium reports them. */
  consoleErrors: string[];
  /** Uncaught exceptions and unhandled rejections in the page. */
  pageErrors: string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Runs before navigation, e.g. to install `page.route` fault injection. */
  prepare?: (page: Page) => Promise<unknown>;
  /** How long to wait for the test hook to appear. */
  hookTimeoutMs?: number;
}

export async function openApp(params: AppParams = {}, options: OpenOptions = {}): Promise<AppPage> {
  const page = await (await browserContext()).newPage();
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const where = msg.location().url;
    // Chromium fetches /favicon.ico by itself when the page declares no icon; the app never asked.
    if (new URL(where || 'about:blank').pathname === '/favicon.ico') return;
    consoleErrors.push(`${msg.text()} @ ${where}`);
  });
  page.on('pageerror', (err) => pageErrors.push(`${err.name}: ${err.message}\n${err.stack ?? ''}`));
  if (options.prepare) await options.prepare(page);
  await page.goto(appUrl(params), { waitUntil: 'load' });
  await page.waitForFunction(() => window.__shentwin !== undefined, undefined, {
    timeout: options.hookTimeoutMs ?? 60_000,
    polling: 100,
  });
  return { page, consoleErrors, pageErrors, close: () => page.close() };
}

/** A plain-data copy of the hook (null before the app created it). */
export async function hookSnapshot(page: Page): Promise<HookSnapshot | null> {
  return page.evaluate((keys) => {
    const h = window.__shentwin;
    if (!h) return null;
    const out: Record<string, unknown> = {};
    for (const k of keys) out[k] = JSON.parse(JSON.stringify(h[k] ?? null)) as unknown;
    return out as unknown as HookSnapshot;
  }, SNAPSHOT_KEYS as (keyof HookSnapshot)[]);
}

/**
 * Polls the hook inside the page until `predicate(hook, arg)` is true. The predicate is sent to
 * the page as source text, so it must not close over test variables: pass data through `arg`.
 * On timeout the error carries the last hook state, which is what one needs to see why.
 */
export async function waitForHook<A = undefined>(
  page: Page,
  predicate: (hook: ShenTwinHook, arg: A) => boolean,
  timeoutMs: number,
  arg?: A,
): Promise<HookSnapshot> {
  const src = predicate.toString();
  try {
    await page.waitForFunction(
      ({ src: s, arg: a }) => {
        const h = window.__shentwin;
        if (!h) return false;
        // Indirect eval: the predicate was written in the test file and travels as text.
        const f = (0, eval)(`(${s})`) as (hook: ShenTwinHook, arg: unknown) => boolean;
        try {
          return Boolean(f(h, a));
        } catch {
          return false;
        }
      },
      { src, arg: arg ?? null },
      { timeout: timeoutMs, polling: 250 },
    );
  } catch (e) {
    const last = await hookSnapshot(page).catch(() => null);
    throw new Error(
      `waitForHook: ${src} (arg ${JSON.stringify(arg)}) was not true within ${timeoutMs} ms.\n` +
        `last hook state: ${JSON.stringify(last)}\ncause: ${(e as Error).message.split('\n')[0]}`,
    );
  }
  const snap = await hookSnapshot(page);
  if (!snap) throw new Error('waitForHook: the hook disappeared');
  return snap;
}

/**
 * Where an ENU point appears, in CSS pixels of the page (what `page.mouse` takes). The hook
 * answers relative to the view's canvas, so the canvas's offset in the page is added here.
 */
export async function projectEnu(
  page: Page,
  e: number,
  n: number,
  u: number,
): Promise<{ x: number; y: number; visible: boolean }> {
  return page.evaluate(([a, b, c]) => {
    const h = window.__shentwin;
    if (!h) throw new Error('no test hook');
    const p = h.projectEnu(a, b, c);
    if (!p) throw new Error('the view does not project points (is the three.js view mounted?)');
    const rect = document.querySelector('.st-view canvas')?.getBoundingClientRect();
    return { x: p.x + (rect?.left ?? 0), y: p.y + (rect?.top ?? 0), visible: p.visible };
  }, [e, n, u] as const);
}
