/**
 * Toggles for every live layer, the heatmap choice (off, AQI, noise) and the legend. Lives in the
 * layer panel beside the tileset toggles and shares their visibility slice.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LIVE_LAYER_IDS, LIVE_LAYER_KEYS } from '../../layers/live/layerIds';
import { useAppStore } from '../../state/hooks';
import { isLayerVisible } from '../../state/layersSlice';
import type { HeatmapMode } from '../../state/liveSelectionSlice';
import { LiveLegend } from './LiveLegend';
import './live.css';

const HEATMAP_MODES: HeatmapMode[] = ['off', 'aqi', 'noise'];

export function LiveLayerControls() {
  const { t } = useTranslation();
  const titleId = useId();
  const visible = useAppStore((s) => s.layerVisible);
  const setVisible = useAppStore((s) => s.setLayerVisible);
  const heatmap = useAppStore((s) => s.heatmap);
  const setHeatmap = useAppStore((s) => s.setHeatmap);
  return (
    <section className="st-section st-live-layers" aria-labelledby={titleId}>
      <h2 id={titleId} className="st-section__title">
        {t('live.layers.title')}
      </h2>
      <ul className="st-layers">
        {LIVE_LAYER_KEYS.map((k) => (
          <li key={k}>
            <label className="st-toggle">
              <input type="checkbox" checked={isLayerVisible(visible, LIVE_LAYER_IDS[k])} onChange={(e) => setVisible(LIVE_LAYER_IDS[k], e.target.checked)} />
              <span>{t(`live.layers.${k}`)}</span>
            </label>
          </li>
        ))}
      </ul>
      <label className="st-row st-live-layers__heatmap">
        <span>{t('live.layers.heatmap')}</span>
        <select className="st-select" value={heatmap} onChange={(e) => setHeatmap(e.target.value as HeatmapMode)}>
          {HEATMAP_MODES.map((m) => (
            <option key={m} value={m}>
              {t(`live.layers.heatmapModes.${m}`)}
            </option>
          ))}
        </select>
      </label>
      <details className="st-live-legend">
        <summary>{t('live.legend.title')}</summary>
        <LiveLegend />
      </details>
    </section>
  );
}
