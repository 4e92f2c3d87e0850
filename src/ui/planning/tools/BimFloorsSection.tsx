/**
 * BIM floors of the selected building, for the signature buildings with a CIM5 model: the floor
 * list (roof first) with each floor's level, storey height, slab area, GFA and use (示意), a click
 * that isolates a floor (the others ghosted in 3D), "all floors", and the exploded view's gap.
 * The floor file is fetched when a building is first selected; a broken one is shown and counted.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findBimBuilding, floorsTopDown } from '../../../analysis/bim/floorModel';
import type { Scene } from '../../../scene/schema';
import { useAppStore, useAppStoreApi } from '../../../state/hooks';
import { BIM_EXPLODE_MAX_M } from '../../../state/toolsSlice';
import type { BimFloorsLoad, LoadBimFloors } from './bimFloorsLoader';
import { formatMetres, formatQuantity } from './valueFormat';

export const BIM_EXPLODE_STEP_M = 0.5;

interface Props {
  scene: Scene;
  loadBimFloors: LoadBimFloors;
}

export function BimFloorsSection({ scene, loadBimFloors }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const sliderId = useId();
  const store = useAppStoreApi();
  const lang = useAppStore((s) => s.language);
  const selectedId = useAppStore((s) => s.selected?.id ?? null);
  const bimView = useAppStore((s) => s.bimView);
  const setBimView = useAppStore((s) => s.setBimView);
  const [load, setLoad] = useState<{ sceneId: string; r: BimFloorsLoad } | null>(null);
  const wanted = selectedId !== null;

  useEffect(() => {
    if (!wanted) return;
    let live = true;
    void loadBimFloors(scene).then((r) => {
      if (!live) return;
      setLoad({ sceneId: scene.id, r });
      if (r.status === 'error') store.getState().reportError('tileset', r.source, r.message);
    });
    return () => {
      live = false;
    };
  }, [wanted, scene, loadBimFloors, store]);

  // Selecting another building lets go of the one whose floors were isolated or exploded.
  const prevSelected = useRef(selectedId);
  useEffect(() => {
    if (prevSelected.current === selectedId) return;
    prevSelected.current = selectedId;
    const held = store.getState().bimView.buildingId;
    if (held !== null && held !== selectedId) store.getState().setBimView({ buildingId: null, isolatedFloor: null });
  }, [selectedId, store]);

  const r = load && load.sceneId === scene.id ? load.r : null;
  const building = r?.status === 'ok' ? findBimBuilding(r.file, selectedId) : null;
  const isolated = building && bimView.buildingId === building.id ? bimView.isolatedFloor : null;
  const m = (v: number) => formatMetres(v, t, lang) ?? '';
  const a = (v: number) => formatQuantity('area', v, t, lang) ?? '';

  let body;
  if (selectedId === null) body = <p className="st-note">{t('planning.tools.bim.pickBuilding')}</p>;
  else if (r === null) body = <p className="st-note">{t('planning.tools.bim.loading')}</p>;
  else if (r.status === 'error') {
    body = (
      <p className="st-note st-note--warn" role="alert">
        {t('planning.tools.bim.failed')}{' '}
        <span className="st-muted" lang={lang === 'en' ? undefined : 'en'}>
          ({r.message})
        </span>
      </p>
    );
  } else if (!building || r.status !== 'ok') body = <p className="st-note">{t('planning.tools.bim.noModel')}</p>;
  else {
    body = (
      <>
        <p className="st-tools-bim__name">{t('planning.tools.bim.floors', { name: building.name[lang] || building.id })}</p>
        <ul className="st-tools-floors">
          {floorsTopDown(building).map((f) => (
            <li key={f.index} data-floor={f.index}>
              <button
                type="button"
                className="st-btn st-tools-btn st-tools-floor"
                aria-pressed={isolated === f.index}
                onClick={() => setBimView({ buildingId: building.id, isolatedFloor: isolated === f.index ? null : f.index })}
              >
                <span className="st-tools-floor__name">{f.name[lang]}</span>
                <span className="st-tools-floor__facts">
                  {t('planning.tools.bim.elevation', { v: m(f.elevationM) })}
                  {f.kind === 'storey' && ` · ${t('planning.tools.bim.floorHeight', { v: m(f.heightM) })}`}
                  {` · ${t('planning.tools.bim.slab', { v: a(f.slabAreaM2) })}`}
                  {f.kind === 'storey' && ` · ${t('planning.tools.bim.gfa', { v: a(f.grossFloorAreaM2) })}`}
                  {` · ${f.use[lang]} `}
                  <span className="st-badge st-badge--small">{t('planning.tools.bim.illustrative')}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
        <div className="st-row">
          <button type="button" className="st-btn st-tools-btn" aria-pressed={isolated === null} onClick={() => setBimView({ buildingId: building.id, isolatedFloor: null })}>
            {t('planning.tools.bim.allFloors')}
          </button>
        </div>
        <div className="st-field st-tools-param">
          <label htmlFor={sliderId}>
            {t('planning.tools.bim.explode')}: {m(bimView.explodeM)}
          </label>
          <input
            id={sliderId}
            type="range"
            className="st-range st-tools-range"
            min={0}
            max={BIM_EXPLODE_MAX_M}
            step={BIM_EXPLODE_STEP_M}
            value={bimView.explodeM}
            onChange={(e) => setBimView({ buildingId: building.id, explodeM: Number(e.target.value) })}
          />
        </div>
        {r.status === 'ok' && <p className="st-note">{r.file.note[lang]}</p>}
      </>
    );
  }

  return (
    <section className="st-tools-bim" aria-labelledby={titleId} data-testid="bim-floors">
      <h3 id={titleId} className="st-tools-subtitle">
        {t('planning.tools.bim.title')}
      </h3>
      {body}
    </section>
  );
}
