/**
 * The parameters of the active tool, for the kinds that have any: height limit, sight line,
 * viewshed, skyline and section. Every edit goes straight to the tool (setActiveToolParams), so the
 * machine's validation, the 3D preview and a later finish all see the same values; problems are
 * shown beside their field.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../state/hooks';
import type { AnyToolState, ToolState } from '../../../tools/machine';
import type { Vec3 } from '../../../tools/toolTypes';
import { ChoiceGroup } from './ChoiceGroup';
import { HeightLimitParamsForm } from './HeightLimitParamsForm';
import { ParamNumber } from './ParamNumber';
import { SkylineParamsForm } from './SkylineParamsForm';

function SightLineParamsForm({ tool }: { tool: ToolState<'sight-line'> }) {
  const { t } = useTranslation();
  const p = tool.params;
  return (
    <div className="st-tools-params">
      <ParamNumber tool={tool} param="eyeHeightM" label={t('planning.tools.params.eyeHeightM')} value={p.eyeHeightM} step={0.1} patch={(v) => ({ eyeHeightM: v })} />
      <ParamNumber tool={tool} param="targetHeightM" label={t('planning.tools.params.targetHeightM')} value={p.targetHeightM} step={0.1} patch={(v) => ({ targetHeightM: v })} />
    </div>
  );
}

function ViewshedParamsForm({ tool }: { tool: ToolState<'viewshed'> }) {
  const { t } = useTranslation();
  const set = useAppStore((s) => s.setActiveToolParams);
  const p = tool.params;
  const num = (param: keyof typeof p & string, step = 1) => (
    <ParamNumber tool={tool} param={param} label={t(`planning.tools.params.${param}`)} value={p[param] as number} step={step} patch={(v) => ({ [param]: v })} />
  );
  return (
    <>
      <ChoiceGroup
        legend={t('planning.tools.params.viewMode')}
        value={p.mode}
        options={[{ value: '360', label: t('planning.tools.params.mode360') }, { value: 'cone', label: t('planning.tools.params.modeCone') }]}
        onChange={(mode) => set({ mode })}
      />
      <div className="st-tools-params">
        {num('eyeHeightM', 0.1)}
        {num('distanceM', 10)}
        {p.mode === 'cone' && (
          <>
            {num('headingDeg')}
            {num('pitchDeg')}
            {num('horizontalFovDeg')}
            {num('verticalFovDeg')}
          </>
        )}
      </div>
    </>
  );
}

function SectionParamsForm({ tool }: { tool: ToolState<'section'> }) {
  const { t } = useTranslation();
  const set = useAppStore((s) => s.setActiveToolParams);
  const p = tool.params;
  const size = (i: 0 | 1 | 2, key: 'sizeX' | 'sizeY' | 'sizeZ') => (
    <ParamNumber
      tool={tool}
      param={`sizeM.${i}`}
      label={t(`planning.tools.params.${key}`)}
      value={p.sizeM[i]}
      patch={(v) => {
        const sizeM: Vec3 = [p.sizeM[0], p.sizeM[1], p.sizeM[2]];
        sizeM[i] = v;
        return { sizeM };
      }}
    />
  );
  return (
    <>
      <ChoiceGroup
        legend={t('planning.tools.params.shape')}
        value={p.shape}
        options={[{ value: 'box', label: t('planning.tools.params.shapeBox') }, { value: 'plane', label: t('planning.tools.params.shapePlane') }]}
        onChange={(shape) => set({ shape })}
      />
      <div className="st-tools-params">
        {p.shape === 'box' && (
          <>
            {size(0, 'sizeX')}
            {size(1, 'sizeY')}
            {size(2, 'sizeZ')}
          </>
        )}
        <ParamNumber tool={tool} param="headingDeg" label={t('planning.tools.params.headingDeg')} value={p.headingDeg} patch={(v) => ({ headingDeg: v })} />
      </div>
    </>
  );
}

export function ToolParamsForm({ tool }: { tool: AnyToolState }) {
  const { t } = useTranslation();
  let body: ReactNode;
  switch (tool.kind) {
    case 'height-limit':
      body = <HeightLimitParamsForm tool={tool} />;
      break;
    case 'sight-line':
      body = <SightLineParamsForm tool={tool} />;
      break;
    case 'viewshed':
      body = <ViewshedParamsForm tool={tool} />;
      break;
    case 'skyline':
      body = <SkylineParamsForm tool={tool} />;
      break;
    case 'section':
      body = <SectionParamsForm tool={tool} />;
      break;
    default:
      return null;
  }
  return (
    <fieldset className="st-tools-fieldset" data-testid="tool-params">
      <legend>{t('planning.tools.params.title')}</legend>
      {body}
    </fieldset>
  );
}
