/**
 * `npm run feed -- mqtt-acl --prefix shentwin/v1 --user feed:publisher --user wall-1:viewer
 * [--format mosquitto|emqx]`: prints a broker ACL file on stdout, so it can be redirected into
 * place. Writes no file itself and touches no password: those belong to the broker's own tools.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_TOPIC_PREFIX } from '../../feed/protocol/limits';
import { emqxAclRules, isMqttRole, mosquittoAcl, MQTT_ROLES, type AclUser } from './policy';

export const MQTT_ACL_USAGE = `Usage: npm run feed -- mqtt-acl --user <name>:<role> [--user …] [flags]
  --user <name>:<role>   a broker user name and its role: ${MQTT_ROLES.join(', ')} (repeat)
  --prefix <p>           topic prefix the feed publishes under (default ${DEFAULT_TOPIC_PREFIX})
  --format <f>           mosquitto (acl_file, default) or emqx (acl.conf)
Prints the file on stdout. See docs/mqtt-acl.md.`;

function parseUser(spec: string): AclUser {
  const at = spec.lastIndexOf(':');
  if (at <= 0) throw new Error(`--user "${spec.slice(0, 60)}": expected <name>:<role>`);
  const name = spec.slice(0, at);
  const role = spec.slice(at + 1);
  if (!isMqttRole(role)) throw new Error(`--user "${spec.slice(0, 60)}": unknown role "${role.slice(0, 20)}" (${MQTT_ROLES.join(', ')})`);
  return { name, role };
}

/** Exit codes as the feed CLI: 0 done, 2 bad flags (the reason and usage go to `err`). */
export function runMqttAclCommand(argv: string[], out: (s: string) => void, err: (s: string) => void = (s) => process.stderr.write(s)): number {
  try {
    const { values } = parseArgs({
      args: argv, strict: true, allowPositionals: false,
      options: { user: { type: 'string', multiple: true }, prefix: { type: 'string' }, format: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      out(`${MQTT_ACL_USAGE}\n`);
      return 0;
    }
    const format = values.format ?? 'mosquitto';
    if (format !== 'mosquitto' && format !== 'emqx') throw new Error(`--format must be mosquitto or emqx, got "${format.slice(0, 20)}"`);
    const users = (values.user ?? []).map(parseUser);
    const prefix = values.prefix ?? DEFAULT_TOPIC_PREFIX;
    out(format === 'emqx' ? emqxAclRules(users, prefix) : mosquittoAcl(users, prefix));
    return 0;
  } catch (e) {
    err(`[feed] mqtt-acl: ${(e as Error).message}\n${MQTT_ACL_USAGE}\n`);
    return 2;
  }
}
