/**
 * The translated problem of one parameter of the active tool, from the machine's typed
 * ParamProblems (src/tools/toolParams.ts checks them; the panel only words them).
 */
import type { ParamProblem } from '../../../tools/toolTypes';
import type { Translate } from './valueFormat';

export function paramProblemText(problems: readonly ParamProblem[], param: string, t: Translate): string | null {
  const p = problems.find((q) => q.param === param);
  if (!p) return null;
  return t(`planning.tools.paramProblems.${p.code}`, { min: p.min, max: p.max });
}
