import { describe, expect, it } from 'vitest';
import { parseActivePortFile, parseListeningLine } from '../../../../src/runtime/supervisor/devtoolsEndpoint';

const ID = '0f6e1c2a-3b4d-4e5f-8a9b-0c1d2e3f4a5b';

describe('DevTools endpoint discovery', () => {
  it('reads DevToolsActivePort: the port, then the browser path', () => {
    expect(parseActivePortFile(`36789\n/devtools/browser/${ID}`)).toEqual({ port: 36789, wsUrl: `ws://127.0.0.1:36789/devtools/browser/${ID}` });
    expect(parseActivePortFile(`36789\r\n/devtools/browser/${ID}\n`)).toEqual({ port: 36789, wsUrl: `ws://127.0.0.1:36789/devtools/browser/${ID}` });
  });

  it('waits for a complete file', () => {
    expect(parseActivePortFile('')).toBeNull();
    expect(parseActivePortFile('36789')).toBeNull();
    expect(parseActivePortFile('36789\n/devtools/brow')).toBeNull();
    expect(parseActivePortFile(`0\n/devtools/browser/${ID}`)).toBeNull();
    expect(parseActivePortFile(`99999\n/devtools/browser/${ID}`)).toBeNull();
  });

  it('reads the "DevTools listening" line from stderr among other noise', () => {
    const err = `[123:456:ERROR:bus.cc(407)] Failed to connect to the bus\n\nDevTools listening on ws://127.0.0.1:40123/devtools/browser/${ID}\n`;
    expect(parseListeningLine(err)).toEqual({ port: 40123, wsUrl: `ws://127.0.0.1:40123/devtools/browser/${ID}` });
    expect(parseListeningLine('DevTools listening on ws://127.0.0.1:40123/devtools/br')).toBeNull();
    expect(parseListeningLine(`DevTools listening on ws://10.0.0.5:40123/devtools/browser/${ID}`)).toBeNull();
  });
});
