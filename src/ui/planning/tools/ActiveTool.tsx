/**
 * The open tool: what to click or tap next, a live readout, Undo / Finish / Cancel (buttons as
 * well as keys, for touch), the reason a point or a finish was refused, and the parameters. The
 * measuring kinds read out the rubber-band value with the local geometry (synchronous); the exact
 * value arrives with the result once the controller has computed it.
 */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../state/hooks';
import { previewInputs, type AnyToolState } from '../../../tools/machine';
import { localMeasure } from '../../../tools/measureLocal';
import type { ToolKind } from '../../../tools/toolTypes';
import { toolInstruction } from './toolInstructions';
import { ToolParamsForm } from './ToolParamsForm';
import { ResultValues } from './ResultValues';
import { formatQuantity, type Quantity } from './valueFormat';

/** The one value the live readout shows per measuring kind. */
const LIVE_VALUE: Partial<Record<ToolKind, [string, Quantity]>> = {
  'measure-distance': ['distanceM', 'length'],
  'measure-polyline': ['lengthM', 'length'],
  'measure-area-horizontal': ['areaM2', 'area'],
  'measure-area-surface': ['areaM2', 'area'],
  'measure-height': ['heightM', 'length'],
  'measure-bearing': ['bearingDeg', 'bearing'],
};

function useLiveText(tool: AnyToolState): string | null {
  const { t } = useTranslation();
  const lang = useAppStore((s) => s.language);
  const spec = LIVE_VALUE[tool.kind];
  if (!spec || tool.phase !== 'placing') return null;
  const inputs = previewInputs(tool);
  const values = inputs ? localMeasure(inputs) : null;
  const v = values?.[spec[0]];
  const text = v === undefined ? null : formatQuantity(spec[1], v, t, lang);
  return text === null ? null : t('planning.tools.readout.live', { value: text });
}

export function ActiveTool({ tool }: { tool: AnyToolState }) {
  const { t } = useTranslation();
  const toolEvent = useAppStore((s) => s.toolEvent);
  const closeTool = useAppStore((s) => s.closeTool);
  const last = useAppStore((s) => {
    const r = s.toolResults.items.find((x) => x.id === s.toolResults.selectedId);
    return r && r.kind === tool.kind ? r : null;
  });
  const live = useLiveText(tool);
  const step = toolInstruction(tool);
  const active = tool.phase === 'placing' || tool.phase === 'editing';
  const canUndo = (tool.phase === 'placing' && tool.points.length > 0) || tool.phase === 'editing';

  return (
    <div className="st-tools-active" data-testid="active-tool" data-kind={tool.kind} data-phase={tool.phase}>
      <p className="st-tools-step" aria-live="polite" data-testid="tool-instruction">
        {step ? t(`planning.tools.steps.${step.key}`, { n: step.n ?? 0 }) : ''}
      </p>
      {active && (
        <p className="st-note st-tools-readout" data-testid="tool-readout">
          {t('planning.tools.readout.points', { n: tool.points.length })}
          {live && ` · ${live}`}
        </p>
      )}
      {tool.problem && (
        <p className="st-note st-note--warn" role="alert" data-testid="tool-problem">
          {t(`planning.tools.problems.${tool.problem}`)}
        </p>
      )}
      <div className="st-row st-tools-actions">
        {active ? (
          <>
            <button type="button" className="st-btn st-tools-btn" disabled={!canUndo} onClick={() => toolEvent({ type: 'undo' })}>
              {t('planning.tools.actions.undo')}
            </button>
            <button type="button" className="st-btn st-tools-btn st-tools-btn--primary" onClick={() => toolEvent({ type: 'finish' })}>
              {tool.phase === 'editing' ? t('planning.tools.actions.keep') : t('planning.tools.actions.finish')}
            </button>
            <button type="button" className="st-btn st-tools-btn" onClick={() => toolEvent({ type: 'cancel' })}>
              {t('planning.tools.actions.cancel')}
            </button>
          </>
        ) : (
          tool.phase !== 'done' && (
            <button type="button" className="st-btn st-tools-btn st-tools-btn--primary" onClick={() => toolEvent({ type: 'start' })}>
              {t('planning.tools.actions.restart')}
            </button>
          )
        )}
        <button type="button" className="st-btn st-tools-btn" onClick={closeTool}>
          {t('planning.tools.actions.close')}
        </button>
      </div>
      <ToolParamsForm tool={tool} />
      {last && (
        <div className="st-tools-last" data-testid="tool-last-result">
          <p className="st-tools-last__name">{last.name}</p>
          <ResultValues values={last.values} />
        </div>
      )}
    </div>
  );
}
