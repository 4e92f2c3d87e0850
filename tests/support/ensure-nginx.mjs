// The TLS integration test (tests/integration/tls-nginx.test.ts) runs Debian's nginx in front of the
// feed server. Install it when missing so that the README's test command passes on a fresh Debian
// machine, the same way ensure-chromium.mjs does for the browser tests. The package's own service
// is not started (apt-install-quietly.mjs): the test starts its own nginx.
import { existsSync } from 'node:fs';
import { aptHas, aptInstallQuietly } from './apt-install-quietly.mjs';

const BIN = process.env.NGINX_PATH || '/usr/sbin/nginx';
if (existsSync(BIN)) {
  process.exit(0);
}

console.log(`[ensure-nginx] ${BIN} not found; installing Debian's nginx…`);
try {
  // nginx-light is the smallest build with ssl, proxy and map; later Debian releases fold it into nginx.
  aptInstallQuietly('ensure-nginx', [aptHas('nginx-light') ? 'nginx-light' : 'nginx']);
} catch (e) {
  console.error('[ensure-nginx] could not install nginx with apt-get:', e.message);
  process.exit(1);
}
if (!existsSync(BIN)) {
  console.error(`[ensure-nginx] apt-get finished but ${BIN} is still missing`);
  process.exit(1);
}
if (existsSync('/run/nginx.pid')) {
  console.error('[ensure-nginx] warning: /run/nginx.pid exists; the system nginx service was started by someone');
}
