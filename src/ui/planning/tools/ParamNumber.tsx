/** A numeric field bound to one parameter of the active tool, with that parameter's problem. */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../state/hooks';
import type { AnyToolState } from '../../../tools/machine';
import { NumberField } from './NumberField';
import { paramProblemText } from './paramProblem';

interface Props {
  tool: AnyToolState;
  /** The machine's name of the parameter, as its ParamProblems name it ("sizeM.0"). */
  param: string;
  label: string;
  value: number;
  /** The store patch for a new value (a vector parameter patches the whole vector). */
  patch(v: number): Record<string, unknown>;
  step?: number;
}

export function ParamNumber({ tool, param, label, value, patch, step }: Props) {
  const { t } = useTranslation();
  const set = useAppStore((s) => s.setActiveToolParams);
  return <NumberField label={label} value={value} step={step} problem={paramProblemText(tool.paramProblems, param, t)} onChange={(v) => set(patch(v))} />;
}
