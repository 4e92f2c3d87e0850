/**
 * Where a browser started with `--remote-debugging-port=0` listens (pure parsing). Chromium says
 * so twice: in `<user-data-dir>/DevToolsActivePort` (the port, then the browser target's path) and
 * on stderr (`DevTools listening on ws://127.0.0.1:<port>/devtools/browser/<id>`). Whichever
 * comes first is used: the file can lag on a slow disk, and stderr can be swallowed by a wrapper.
 */
export interface DevtoolsEndpoint {
  port: number;
  /** The browser target's WebSocket URL. */
  wsUrl: string;
}

function validPort(text: string | undefined): number | null {
  if (text === undefined || !/^\d{1,5}$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 && n <= 65535 ? n : null;
}

/** Null while the file is missing, half written, or not what Chromium writes. */
export function parseActivePortFile(text: string): DevtoolsEndpoint | null {
  const [portLine, pathLine] = text.split(/\r?\n/);
  const port = validPort(portLine?.trim());
  const path = pathLine?.trim();
  if (port === null || !path || !/^\/devtools\/browser\/[A-Za-z0-9-]+$/.test(path)) return null;
  return { port, wsUrl: `ws://127.0.0.1:${port}${path}` };
}

/** The endpoint from Chromium's stderr, if this text holds the "DevTools listening" line. */
export function parseListeningLine(text: string): DevtoolsEndpoint | null {
  const m = /DevTools listening on (ws:\/\/(?:127\.0\.0\.1|localhost|\[::1\]):(\d{1,5})\/devtools\/browser\/[A-Za-z0-9-]+)/.exec(text);
  if (!m) return null;
  const port = validPort(m[2]);
  return port === null ? null : { port, wsUrl: m[1]! };
}
