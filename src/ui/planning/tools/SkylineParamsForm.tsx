/**
 * The skyline's viewpoint and view: a picked point raised by the eye height, or the current
 * camera. "Use current view" takes the camera pose the view published when it came to rest and
 * places the viewpoint there, with the camera's heading and pitch, in one step.
 */
import { useTranslation } from 'react-i18next';
import { useAppStore, useAppStoreApi } from '../../../state/hooks';
import type { ToolState } from '../../../tools/machine';
import { viewAngles } from './cameraView';
import { ChoiceGroup } from './ChoiceGroup';
import { ParamNumber } from './ParamNumber';

export function SkylineParamsForm({ tool }: { tool: ToolState<'skyline'> }) {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const set = useAppStore((s) => s.setActiveToolParams);
  const pose = useAppStore((s) => s.cameraPose);
  const angles = pose ? viewAngles(pose) : null;
  const p = tool.params;

  const takeView = () => {
    const s = store.getState();
    if (!pose || !angles || s.tool?.kind !== 'skyline') return;
    // A placed viewpoint is replaced: the camera's position is the new one.
    if (s.tool.phase !== 'placing' || s.tool.points.length > 0) s.toolEvent({ type: 'start' });
    store.getState().setActiveToolParams({ source: 'camera', headingDeg: angles.headingDeg, pitchDeg: angles.pitchDeg });
    store.getState().toolEvent({ type: 'place', hit: { point: [pose.position[0], pose.position[1], pose.position[2]], kind: 'ground' } });
  };

  return (
    <>
      <ChoiceGroup
        legend={t('planning.tools.params.source')}
        value={p.source}
        options={[{ value: 'pick', label: t('planning.tools.params.sourcePick') }, { value: 'camera', label: t('planning.tools.params.sourceCamera') }]}
        onChange={(source) => set({ source })}
      />
      {p.source === 'camera' && (
        <div className="st-row">
          <button type="button" className="st-btn st-tools-btn" disabled={!angles} onClick={takeView}>
            {t('planning.tools.actions.useView')}
          </button>
          {!angles && <span className="st-note">{t('planning.tools.params.noCamera')}</span>}
        </div>
      )}
      <div className="st-tools-params">
        {p.source === 'pick' && (
          <ParamNumber tool={tool} param="eyeHeightM" label={t('planning.tools.params.eyeHeightM')} value={p.eyeHeightM} step={0.1} patch={(v) => ({ eyeHeightM: v })} />
        )}
        <ParamNumber tool={tool} param="headingDeg" label={t('planning.tools.params.headingDeg')} value={p.headingDeg} patch={(v) => ({ headingDeg: v })} />
        <ParamNumber tool={tool} param="horizontalFovDeg" label={t('planning.tools.params.horizontalFovDeg')} value={p.horizontalFovDeg} patch={(v) => ({ horizontalFovDeg: v })} />
        <ParamNumber tool={tool} param="distanceM" label={t('planning.tools.params.distanceM')} value={p.distanceM} step={10} patch={(v) => ({ distanceM: v })} />
      </div>
    </>
  );
}
