/**
 * The planner's workbench column: the selected plot, the comparison, the compliance board and
 * the scheme import, folded into one collapsible section so the workspace mounts it in one line.
 * The catalogue (CatalogueTree) lives in the layer column, not here.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scene } from '../../scene/schema';
import { useAppStore } from '../../state/hooks';
import { ComparePanel } from './ComparePanel';
import { ComplianceBoard } from './ComplianceBoard';
import type { Capture, Screenshot } from './PlanReport';
import { PlotPanel } from './PlotPanel';
import { SchemeImport } from './SchemeImport';
import { SunlightPanel } from './sunlight/SunlightPanel';
import { ToolsPanel } from './tools/ToolsPanel';
import './planning.css';

interface Props {
  scene: Scene;
  /** Pictures of the compared states for the printed report, taken by the view. */
  capture?: Capture;
  screenshots?: Screenshot[];
  /** Start folded (narrow screens). */
  defaultOpen?: boolean;
}

export function PlannerSidebar({ scene, capture, screenshots, defaultOpen = true }: Props) {
  const { t } = useTranslation();
  const bodyId = useId();
  const [open, setOpen] = useState(defaultOpen);
  const plan = useAppStore((s) => s.plan);
  const planStatus = useAppStore((s) => s.planStatus);
  const activeSiteId = useAppStore((s) => s.activeSiteId);
  const setActiveSite = useAppStore((s) => s.setActiveSite);
  const firstSite = plan?.sites[0]?.id ?? null;
  const toolOpen = useAppStore((s) => s.tool !== null);

  // A tool opened from a link (or a shortcut) shows its panel: its steps and buttons are there.
  useEffect(() => {
    if (toolOpen) setOpen(true);
  }, [toolOpen]);

  // The board and the comparison need a site; with none chosen (no URL, no click), take the
  // zone's first one rather than show empty panels.
  useEffect(() => {
    if (activeSiteId === null && firstSite !== null) setActiveSite(firstSite);
  }, [activeSiteId, firstSite, setActiveSite]);

  return (
    <div className="st-panel st-plan-side" data-testid="planner-sidebar">
      <button
        type="button"
        className="st-btn st-plan-side__toggle"
        aria-expanded={open}
        aria-controls={bodyId}
        onClick={() => setOpen((o) => !o)}
      >
        {t('planning.sidebar.title')}
        <span className="st-visually-hidden"> · {open ? t('planning.sidebar.hide') : t('planning.sidebar.show')}</span>
      </button>
      <div id={bodyId} className="st-plan-side__body" hidden={!open}>
        {!plan ? (
          <p className="st-note">
            {planStatus === 'loading' ? t('planning.catalogue.planLoading') : planStatus === 'failed' ? t('planning.catalogue.planFailed') : t('planning.sidebar.noPlan')}
          </p>
        ) : (
          <>
            <PlotPanel />
            <ComparePanel />
            <ComplianceBoard capture={capture} screenshots={screenshots} />
            <SunlightPanel scene={scene} />
            <ToolsPanel scene={scene} />
            <SchemeImport scene={scene} />
          </>
        )}
      </div>
    </div>
  );
}
