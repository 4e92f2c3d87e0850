/**
 * Over the 3D view while two states are compared: the swipe divider (drag it with a mouse,
 * finger or pen; arrow keys move it too) and a label on each side naming the state it shows.
 * Side by side shows the labels over each half. Only these elements take pointer events; the
 * rest of the view keeps its camera gestures.
 */
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EXISTING_STATE } from '../analysis/planning/types';
import { useAppStore, useAppStoreApi } from '../state/hooks';
import { allSchemes } from '../state/planningSlice';

const KEY_STEP = 0.02;

export function CompareDivider() {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const view = useAppStore((s) => s.planView);
  const lang = useAppStore((s) => s.language);
  const plan = useAppStore((s) => s.plan);
  const imported = useAppStore((s) => s.importedSchemes);
  const engine = useAppStore((s) => s.engine);
  const ref = useRef<HTMLDivElement>(null);
  // The globe view draws no scheme states; only the three.js view compares.
  if (engine !== 'three' || view.mode !== 'compare' || view.layout === 'toggle') return null;
  const schemes = allSchemes({ plan, importedSchemes: imported });
  const nameOf = (id: string) => (id === EXISTING_STATE ? t('planning.existing', '现状') : (schemes.find((s) => s.id === id)?.name[lang] ?? id));
  const x = view.layout === 'split' ? 0.5 : view.dividerX;

  const moveTo = (clientX: number) => {
    const host = ref.current?.parentElement;
    if (!host) return;
    const r = host.getBoundingClientRect();
    if (r.width > 0) store.getState().setPlanView({ dividerX: (clientX - r.left) / r.width });
  };
  const onDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    e.preventDefault();
  };
  const onMove = (e: PointerEvent<HTMLDivElement>) => {
    if (e.currentTarget.hasPointerCapture(e.pointerId)) moveTo(e.clientX);
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const d = e.key === 'ArrowLeft' ? -KEY_STEP : e.key === 'ArrowRight' ? KEY_STEP : 0;
    if (d === 0) return;
    e.preventDefault();
    store.getState().setPlanView({ dividerX: store.getState().planView.dividerX + d });
  };

  return (
    <div className="st-compare" ref={ref} data-testid="compare-overlay">
      <span className="st-compare__label st-compare__label--left" style={{ right: `${(1 - x) * 100}%` }}>
        {nameOf(view.left)}
      </span>
      <span className="st-compare__label st-compare__label--right" style={{ left: `${x * 100}%` }}>
        {nameOf(view.right)}
      </span>
      {view.layout === 'swipe' ? (
        <div
          className="st-compare__divider"
          style={{ left: `${x * 100}%` }}
          role="slider"
          tabIndex={0}
          aria-label={t('planning.divider', '卷帘分隔线')}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(x * 100)}
          data-testid="compare-divider"
          onPointerDown={onDown}
          onPointerMove={onMove}
          onKeyDown={onKey}
        >
          <span className="st-compare__grip" aria-hidden="true">⇆</span>
        </div>
      ) : (
        <div className="st-compare__seam" style={{ left: '50%' }} aria-hidden="true" />
      )}
    </div>
  );
}
