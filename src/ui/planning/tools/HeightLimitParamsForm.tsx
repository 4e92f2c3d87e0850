/**
 * Where the height limit comes from: a drawn area with a typed height, or a 控规 plot's own
 * boundary and 建筑高度 limit. Plots without a height limit are listed but cannot be chosen: there
 * is nothing to check against.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../state/hooks';
import type { ToolState } from '../../../tools/machine';
import { ChoiceGroup } from './ChoiceGroup';
import { paramProblemText } from './paramProblem';
import { ParamNumber } from './ParamNumber';

export function HeightLimitParamsForm({ tool }: { tool: ToolState<'height-limit'> }) {
  const { t } = useTranslation();
  const selectId = useId();
  const errId = useId();
  const set = useAppStore((s) => s.setActiveToolParams);
  const plots = useAppStore((s) => s.plan?.plots ?? null);
  const p = tool.params;
  const plotProblem = paramProblemText(tool.paramProblems, 'plotId', t);
  return (
    <>
      <ChoiceGroup
        legend={t('planning.tools.params.limitMode')}
        value={p.mode}
        options={[{ value: 'value', label: t('planning.tools.params.modeValue') }, { value: 'plot', label: t('planning.tools.params.modePlot') }]}
        onChange={(mode) => set({ mode })}
      />
      {p.mode === 'value' ? (
        <div className="st-tools-params">
          <ParamNumber tool={tool} param="limitM" label={t('planning.tools.params.limitM')} value={p.limitM} patch={(v) => ({ limitM: v })} />
        </div>
      ) : (
        <div className="st-field st-tools-param">
          <label htmlFor={selectId}>{t('planning.tools.params.plot')}</label>
          <select
            id={selectId}
            className="st-select st-tools-input"
            value={p.plotId ?? ''}
            aria-invalid={plotProblem ? true : undefined}
            aria-describedby={plotProblem ? errId : undefined}
            onChange={(e) => set({ plotId: e.target.value === '' ? null : e.target.value })}
          >
            <option value="">{t('planning.tools.params.choosePlot')}</option>
            {(plots ?? []).map((plot) => (
              <option key={plot.id} value={plot.id} disabled={plot.limits.heightMaxM === null}>
                {plot.limits.heightMaxM === null
                  ? t('planning.tools.params.plotNoLimit', { code: plot.code })
                  : t('planning.tools.params.plotLimit', { code: plot.code, limit: plot.limits.heightMaxM })}
              </option>
            ))}
          </select>
          {plotProblem && (
            <span id={errId} className="st-tools-error" role="alert">
              {plotProblem}
            </span>
          )}
        </div>
      )}
    </>
  );
}
