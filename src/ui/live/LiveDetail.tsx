/** The panel of the selected live thing (vehicle, sensor, stop, incident), closed with × or Escape. */
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { trackListener } from '../../runtime/tracked';
import type { Scene } from '../../scene/schema';
import { useAppStore } from '../../state/hooks';
import { IncidentPanel } from './IncidentPanel';
import { SensorPanel } from './SensorPanel';
import { StopPanel } from './StopPanel';
import { VehiclePanel } from './VehiclePanel';

export function LiveDetail({ scene }: { scene: Scene }) {
  const { t } = useTranslation();
  const titleId = useId();
  const sel = useAppStore((s) => s.liveSelected);
  const selectLive = useAppStore((s) => s.selectLive);

  useEffect(() => {
    if (!sel) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) selectLive(null);
    };
    return trackListener(document, 'keydown', onKey as EventListener);
  }, [sel, selectLive]);

  if (!sel || sel.kind === 'signal') return null;
  return (
    <aside className="st-panel st-live-detail" role="region" aria-labelledby={titleId} data-testid="live-detail">
      <div className="st-live-head">
        <h2 id={titleId} className="st-section__title">
          {t(`live.detail.title.${sel.kind}`)}
        </h2>
        <button type="button" className="st-icon-btn" aria-label={t('live.detail.close')} onClick={() => selectLive(null)}>
          ×
        </button>
      </div>
      {sel.kind === 'sensor' && <SensorPanel id={sel.id} scene={scene} />}
      {sel.kind === 'vehicle' && <VehiclePanel id={sel.id} />}
      {sel.kind === 'stop' && <StopPanel id={sel.id} />}
      {sel.kind === 'incident' && <IncidentPanel id={sel.id} />}
    </aside>
  );
}
