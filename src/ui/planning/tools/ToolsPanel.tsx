/**
 * 规划工具 in the planner workbench: the tool buttons, the open tool (instruction, readout,
 * Undo / Finish / Cancel, parameters), the state analysed, the computation's progress, the shared
 * results list with its details, and the BIM floors of the selected building. The computing runs
 * in a ToolsController made per zone in an effect and disposed in its cleanup; tests inject the
 * zone's buildings and the floor file. Every result is labelled 方案参考.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scene } from '../../../scene/schema';
import { useAppStore, useAppStoreApi } from '../../../state/hooks';
import type { ToolKind } from '../../../tools/toolTypes';
import type { CityBuilding } from '../sunlight/analysisInputs';
import { loadZoneBuildings } from '../sunlight/zoneBuildings';
import { ActiveTool } from './ActiveTool';
import { BimFloorsSection } from './BimFloorsSection';
import { loadBimFloors as fetchBimFloors, type LoadBimFloors } from './bimFloorsLoader';
import { ToolGrid } from './ToolGrid';
import { ToolResultsList } from './ToolResultsList';
import { ToolsController } from './ToolsController';
import { ToolStateChoice } from './ToolStateChoice';
import './tools.css';

interface Props {
  scene: Scene;
  /** Today's buildings at full detail; the app reads plan/footprints.json. */
  loadZone?: () => Promise<CityBuilding[]>;
  loadBimFloors?: LoadBimFloors;
  now?: () => number;
}

function ComputeStatus() {
  const { t } = useTranslation();
  const compute = useAppStore((s) => s.toolCompute);
  if (compute.status === 'computing') {
    const pct = Math.round(compute.progress * 100);
    return (
      <div className="st-tools-compute" data-testid="tool-compute" data-status="computing">
        <progress className="st-tools-progress" max={1} value={compute.progress} aria-label={t('planning.tools.compute.progress')} aria-valuetext={`${pct}%`} />
        <p className="st-note" role="status">
          {t('planning.tools.compute.computing', { pct })}
        </p>
      </div>
    );
  }
  if (compute.status !== 'failed') return null;
  return (
    <p className="st-note st-note--warn" role="alert" data-testid="tool-compute" data-status="failed">
      {t('planning.tools.compute.failed')}
      {compute.error && (
        <>
          {': '}
          <span lang="en">{compute.error}</span>
        </>
      )}
    </p>
  );
}

export function ToolsPanel({ scene, loadZone, loadBimFloors = fetchBimFloors, now }: Props) {
  const { t } = useTranslation();
  const ids = { title: useId(), body: useId() };
  const store = useAppStoreApi();
  const tool = useAppStore((s) => s.tool);
  const [open, setOpen] = useState(true);
  const [controller, setController] = useState<ToolsController | null>(null);
  // Default names follow the language at the moment a result is made, not when the zone opened.
  const tRef = useRef(t);
  tRef.current = t;
  const zoneLoader = useRef(loadZone);
  zoneLoader.current = loadZone;
  const loadCity = useCallback(() => (zoneLoader.current ? zoneLoader.current() : loadZoneBuildings(scene)), [scene]);

  useEffect(() => {
    const c = new ToolsController(store, {
      loadZone: loadCity,
      nameFor: (kind: ToolKind, n: number) => tRef.current('planning.tools.resultName', { kind: tRef.current(`planning.tools.kinds.${kind}`), n }),
      ...(now ? { now } : {}),
    });
    setController(c);
    return () => {
      c.dispose();
      setController(null);
    };
  }, [store, loadCity, now]);

  return (
    <section className="st-section st-tools" aria-labelledby={ids.title} data-testid="tools-panel" data-tool={tool?.kind ?? ''} data-phase={tool?.phase ?? ''}>
      <h2 id={ids.title} className="st-section__title st-tools__title">
        <button type="button" className="st-btn st-tools-btn st-tools__toggle" aria-expanded={open} aria-controls={ids.body} onClick={() => setOpen((o) => !o)}>
          {t('planning.tools.title')}
        </button>
        <span className="st-badge st-badge--warn st-badge--small">{t('planning.tools.label')}</span>
      </h2>
      <div id={ids.body} hidden={!open} className="st-tools__body">
        <ToolGrid />
        <ToolStateChoice />
        {tool && <ActiveTool tool={tool} />}
        <ComputeStatus />
        <ToolResultsList scene={scene} controller={controller} loadZone={loadCity} now={now} />
        <BimFloorsSection scene={scene} loadBimFloors={loadBimFloors} />
      </div>
    </section>
  );
}
