/**
 * Scenario triggers, parsed from CLI flags and control messages as "name" or "name@seconds"
 * (seconds of simulated time after the start), with optional parameters.
 */
import { SCENARIOS, type ScenarioName } from '../types';

export interface ScenarioParams {
  /** Target sensor for sensor-silent / rsu-fail; default: the first of the fitting type. */
  sensorId?: string;
  /** Target road edge for crash; default: the busiest link. */
  edgeId?: number;
  reverse?: boolean;
  /** Crash closes every lane of its direction (default for triggered crashes). */
  closeAll?: boolean;
  /** How long a fault lasts, simulated seconds. */
  durationS?: number;
}

export interface ScheduledScenario {
  name: ScenarioName;
  atS: number;
  params: ScenarioParams;
}

export function isScenarioName(s: string): s is ScenarioName {
  return (SCENARIOS as readonly string[]).includes(s);
}

/** Parses "rainstorm,crash@300" into schedule entries; unknown names are returned as errors. */
export function parseScenarioList(text: string): { scheduled: ScheduledScenario[]; errors: string[] } {
  const scheduled: ScheduledScenario[] = [];
  const errors: string[] = [];
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [name, at] = part.split('@');
    const atS = at === undefined ? 0 : Number(at);
    if (!name || !isScenarioName(name)) errors.push(`unknown scenario "${name}" (known: ${SCENARIOS.join(', ')})`);
    else if (!Number.isFinite(atS) || atS < 0) errors.push(`bad time in "${part}": expected name@seconds`);
    else scheduled.push({ name, atS, params: {} });
  }
  return { scheduled, errors };
}
