/**
 * Roles and what each may do on the feed server. A role is a ladder rung: each includes the one
 * below it (viewer < wall < operator < drill), so a drill conductor can watch the wall it drives.
 * Every client message type maps to the permission it needs (`null`: any authenticated client), and
 * the table is exhaustive over the message union, so a new message type cannot ship unguarded.
 */
import type { ClientMessage } from '../../feed/protocol/messages';

export const ROLES = ['viewer', 'wall', 'operator', 'drill'] as const;
export type Role = (typeof ROLES)[number];

export type Permission = 'subscribe' | 'history' | 'replay' | 'wall.follow' | 'wall.lead' | 'alert.ack' | 'control';

const GRANTS: Record<Role, readonly Permission[]> = {
  viewer: ['subscribe', 'history', 'replay'],
  wall: ['subscribe', 'history', 'replay', 'wall.follow'],
  operator: ['subscribe', 'history', 'replay', 'wall.follow', 'wall.lead', 'alert.ack'],
  drill: ['subscribe', 'history', 'replay', 'wall.follow', 'wall.lead', 'alert.ack', 'control'],
};

export function isRole(s: string): s is Role {
  return (ROLES as readonly string[]).includes(s);
}

export function permissionsOf(role: Role): readonly Permission[] {
  return GRANTS[role];
}

export function roleAllows(role: Role, p: Permission): boolean {
  return GRANTS[role].includes(p);
}

/** The lowest role that holds a permission: named in refusals so the operator knows what to issue. */
export function lowestRoleWith(p: Permission): Role {
  return ROLES.find((r) => GRANTS[r].includes(p))!;
}

type MessageType = ClientMessage['type'];

const NEEDS: Record<MessageType, (m: ClientMessage) => Permission | null> = {
  auth: () => null,
  ping: () => null,
  subscribe: () => 'subscribe',
  unsubscribe: () => null,
  control: () => 'control',
  'wall-join': (m) => (m.type === 'wall-join' && m.as === 'leader' ? 'wall.lead' : 'wall.follow'),
  'wall-leave': () => null,
  'wall-state': () => 'wall.lead',
  replay: () => 'replay',
  'replay-stop': () => null,
  history: () => 'history',
};

/** The permission a message needs, or null when authentication alone is enough. */
export function permissionFor(m: ClientMessage): Permission | null {
  return NEEDS[m.type](m);
}

/** Messages a connection may send before it has authenticated (when the server requires it). */
export function allowedBeforeAuth(m: ClientMessage): boolean {
  return m.type === 'auth' || m.type === 'ping';
}
