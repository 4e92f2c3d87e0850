import { describe, expect, it } from 'vitest';
import { clientMessageSchema, type ClientMessage } from '../../../src/feed/protocol/messages';
import { allowedBeforeAuth, lowestRoleWith, permissionFor, roleAllows, ROLES, type Role } from '../../../src/server/auth/roles';

const state = { seq: 1, zone: 'jiading', camera: { position: [0, 100, 0], target: [0, 0, 0], fovDeg: 45 } };
/** One valid message of every client type, parsed through the real schema. */
const MESSAGES: ClientMessage[] = [
  { v: 1, type: 'auth', token: 'x' },
  { v: 1, type: 'ping', clientTs: 1 },
  { v: 1, type: 'subscribe', zone: 'jiading' },
  { v: 1, type: 'unsubscribe', zone: 'jiading' },
  { v: 1, type: 'control', zone: 'jiading', scenario: 'rainstorm' },
  { v: 1, type: 'wall-join', wall: 'ioc', as: 'follower' },
  { v: 1, type: 'wall-join', wall: 'ioc', as: 'leader' },
  { v: 1, type: 'wall-leave', wall: 'ioc' },
  { v: 1, type: 'wall-state', wall: 'ioc', state },
  { v: 1, type: 'replay', zone: 'jiading', id: 1, from: 1_763_600_000_000, speed: 10 },
  { v: 1, type: 'replay-stop', zone: 'jiading' },
  { v: 1, type: 'history', zone: 'jiading', id: 2, from: 1_763_600_000_000, to: 1_763_600_060_000, kinds: ['events'] },
].map((m) => clientMessageSchema.parse(m));

/** Expected: may each role send it? (hand-written from the role ladder) */
const EXPECTED: Record<string, Record<Role, boolean>> = {
  auth: { viewer: true, wall: true, operator: true, drill: true },
  ping: { viewer: true, wall: true, operator: true, drill: true },
  subscribe: { viewer: true, wall: true, operator: true, drill: true },
  unsubscribe: { viewer: true, wall: true, operator: true, drill: true },
  control: { viewer: false, wall: false, operator: false, drill: true },
  'wall-join:follower': { viewer: false, wall: true, operator: true, drill: true },
  'wall-join:leader': { viewer: false, wall: false, operator: true, drill: true },
  'wall-leave': { viewer: true, wall: true, operator: true, drill: true },
  'wall-state': { viewer: false, wall: false, operator: true, drill: true },
  replay: { viewer: true, wall: true, operator: true, drill: true },
  'replay-stop': { viewer: true, wall: true, operator: true, drill: true },
  history: { viewer: true, wall: true, operator: true, drill: true },
};

const keyOf = (m: ClientMessage) => (m.type === 'wall-join' ? `wall-join:${m.as}` : m.type);

describe('role checks for every client message type', () => {
  it('covers every message type of the schema', () => {
    const types = new Set(clientMessageSchema.options.map((o) => o.shape.type.value));
    expect(new Set(MESSAGES.map((m) => m.type))).toEqual(types);
  });
  for (const m of MESSAGES) {
    for (const role of ROLES) {
      const want = EXPECTED[keyOf(m)]![role];
      it(`${role} ${want ? 'may' : 'may not'} send ${keyOf(m)}`, () => {
        const need = permissionFor(m);
        expect(need === null || roleAllows(role, need)).toBe(want);
      });
    }
  }
  it('before authenticating, only auth and ping pass', () => {
    expect(MESSAGES.filter(allowedBeforeAuth).map((m) => m.type).sort()).toEqual(['auth', 'ping']);
  });
  it('refusals name the lowest role that would do', () => {
    expect(lowestRoleWith('control')).toBe('drill');
    expect(lowestRoleWith('wall.lead')).toBe('operator');
    expect(lowestRoleWith('wall.follow')).toBe('wall');
    expect(lowestRoleWith('subscribe')).toBe('viewer');
  });
});
