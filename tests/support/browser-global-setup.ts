/**
 * Global setup of the `browser` vitest project: serves the BUILT app (dist/) on 127.0.0.1 at an
 * ephemeral port, so parallel runs never collide, and hands its URL to the tests through
 * vitest's provide/inject. Browser tests check what ships, so they never build on their own:
 * `npm test` builds first.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import './browser-provided';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = resolve(ROOT, 'dist');

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(resolve(DIST, 'index.html'))) {
    throw new Error(
      `browser tests need the built app, but ${DIST}/index.html is missing. ` +
        'Run `npm run build` (tiles + vite build) first; `npm test` does this for you.',
    );
  }
  // Same guarantee as `npm test`'s first step, for runs of this project on its own.
  execFileSync(process.execPath, [resolve(ROOT, 'tests/support/ensure-chromium.mjs')], { stdio: 'inherit' });

  // No config file: the app's plugins are for building; serving dist/ needs none of them.
  const server: PreviewServer = await preview({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    build: { outDir: DIST },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  const address = server.httpServer.address() as AddressInfo | null;
  if (!address || typeof address === 'string') throw new Error('preview server did not report a TCP address');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}/`);

  return async () => {
    await server.close();
  };
}
