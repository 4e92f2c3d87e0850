/**
 * The section (剖切) the view applies: the section tool's own box or plane while it is open and
 * placed, else the selected section result. One at a time, so a planner always knows what cuts
 * the city. Returns the same object while the section is unchanged (the view re-clips only on a
 * real change, not on every pointer move that rebuilds the tool state).
 */
import { formatSection } from '../../analysis/section/url';
import type { Section } from '../../analysis/section/types';
import { validateSection } from '../../analysis/section/validate';
import { toolInputs } from '../machine';
import type { ResultsList } from '../results';
import type { AnyToolState } from '../machine';
import type { ToolInputs } from '../toolTypes';

/**
 * A box placed on the ground reaches this far below the picked point, so the ground it stands on
 * stays inside it (a bottom face exactly at the ground would clip the ground away).
 */
export const BOX_BELOW_M = 1;

/** The section of the tool's inputs: a box stands on its picked point; a plane passes through it. */
export function sectionOfInputs(inputs: ToolInputs<'section'>): Section | null {
  const p = inputs.points[0];
  if (!p) return null;
  const s: Section = inputs.params.shape === 'box'
    ? { kind: 'box', centre: [p[0], p[1], p[2] - BOX_BELOW_M + inputs.params.sizeM[2] / 2], size: [...inputs.params.sizeM], headingDeg: inputs.params.headingDeg }
    : { kind: 'plane', point: [p[0], p[1], p[2]], normal: [...inputs.params.normal] };
  return validateSection(s).length === 0 ? s : null;
}

let last: { key: string; section: Section } | null = null;

export function activeSection(s: { tool: AnyToolState | null; toolResults: ResultsList }): Section | null {
  let section: Section | null = null;
  const t = s.tool;
  const live = t?.kind === 'section' ? toolInputs(t) : null;
  if (live?.kind === 'section') section = sectionOfInputs(live);
  else {
    const r = s.toolResults.items.find((x) => x.id === s.toolResults.selectedId);
    if (r?.kind === 'section') section = sectionOfInputs(r.inputs);
  }
  if (!section) return null;
  const key = formatSection(section);
  if (last && last.key === key) return last.section;
  last = { key, section };
  return section;
}
