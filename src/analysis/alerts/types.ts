/**
 * Plain-data shapes of alerts: what the engine produces, the store holds and the UI lists.
 * Lifecycle: new → acknowledged → closed, every step recorded in the audit log with who and when.
 */
import type { AlertSeverity } from '../../scene/schema';

export type { AlertSeverity };
export type AlertStatus = 'new' | 'acknowledged' | 'closed';
export type AlertCause = 'threshold' | 'rate' | 'stale' | 'incident';

/** What an alert is about, with where it is (ENU metres) so the map can fly there. */
export interface AssetRef {
  kind: 'sensor' | 'incident';
  id: string;
  x: number;
  y: number;
  /** Sensor or incident type (water_level, crash, …). */
  type: string;
  name: { zh: string; en: string } | null;
}

export interface Actor {
  name: string;
  role: string;
}

/** The engine acts as this actor: automatic raises, recoveries and auto-closes. */
export const SYSTEM_ACTOR: Actor = Object.freeze({ name: 'system', role: 'system' });

export interface Alert {
  /** Unique per raise: `${ruleId}:${assetKind}:${assetId}#${n}`. */
  id: string;
  /** Dedupe key: one open alert per rule and asset. */
  key: string;
  ruleId: string;
  cause: AlertCause;
  severity: AlertSeverity;
  status: AlertStatus;
  /** Whether the rule's condition holds now (an open alert may have recovered). */
  active: boolean;
  asset: AssetRef;
  /** Latest value behind the condition (reading, rate per minute, or null). */
  value: number | null;
  unit: string;
  /** Threshold crossed, for the message; null for stale and incident alerts. */
  threshold: number | null;
  /** Server epoch ms (the feed's clock), like every time in this record. */
  raisedAtMs: number;
  updatedAtMs: number;
  clearedAtMs: number | null;
  acknowledgedAtMs: number | null;
  closedAtMs: number | null;
  /** How many times the condition started (1 on raise; +1 per re-trigger or re-open). */
  occurrences: number;
  reopenCount: number;
}

export type AuditAction = 'raised' | 'escalated' | 'retriggered' | 'recovered' | 'acknowledged' | 'closed' | 'reopened' | 'auto-closed';

export interface AuditEntry {
  seq: number;
  atMs: number;
  alertId: string;
  action: AuditAction;
  actor: Actor;
  severity: AlertSeverity;
  note?: string;
}

export interface AlertState {
  alerts: Alert[];
  audit: AuditEntry[];
  /** Last audit sequence number and last alert serial, so ids never repeat. */
  auditSeq: number;
  serial: number;
}

/** A condition that holds now, found by observe.ts from the feed and the rules. */
export interface Observation {
  ruleId: string;
  cause: AlertCause;
  asset: AssetRef;
  severity: AlertSeverity;
  value: number | null;
  unit: string;
  threshold: number | null;
}

export const EMPTY_ALERT_STATE: AlertState = Object.freeze({ alerts: [], audit: [], auditSeq: 0, serial: 0 }) as AlertState;

/** Most severe first; a lower rank is more severe. */
export const SEVERITY_RANK: Record<AlertSeverity, number> = { critical: 0, major: 1, minor: 2, info: 3 };
