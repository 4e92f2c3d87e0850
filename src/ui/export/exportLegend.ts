/**
 * The legend burnt into a screenshot: the legend items of the layers the image shows, with the
 * colours the layers draw with (the same constants as the catalogue's legends and LiveLegend).
 * - Land use, when buildings, the land-use ground or the plots show (one section for all three).
 * - The control lines that show, the scheme diff while a pair is compared, the heatmap scale.
 * - The live layers that show, once the feed has delivered data (before that they draw nothing).
 * The globe draws only the tilesets, so it gets land use only.
 */
import { CONGESTION_BOUNDS, CONGESTION_STOPS, NO_DATA_COLOR } from '../../analysis/live/congestion';
import { SENSOR_LEVELS } from '../../analysis/live/thresholds';
import { CONTROL_LINE_COLORS, CONTROL_LINE_KINDS, DIFF_COLORS, DIFF_KINDS } from '../../analysis/planning/colors';
import { currentPair } from '../../analysis/planning/statePair';
import { LAND_USE_CLASSES, LAND_USE_INFO } from '../../core/landUse';
import { LIVE_LAYER_IDS, type LiveLayerKey } from '../../layers/live/layerIds';
import { SEVERITY_COLORS } from '../../layers/live/severity';
import { CONTROL_LINE_LAYER } from '../../layers/planning/layerIds';
import { RSU_LEVEL_COLORS } from '../../layers/rsu/model';
import { AQI_SCALE, NOISE_SCALE, type HeatScale } from '../../layers/sensors/model';
import { SENSOR_LEVEL_COLORS } from '../../layers/sensors/style';
import { SIGNAL_STATE_COLORS } from '../../layers/signals/model';
import { STOP_COLOR } from '../../layers/stops/model';
import { VEHICLE_STYLE } from '../../layers/traffic/style';
import { ALERT_SEVERITIES, type Scene } from '../../scene/schema';
import { VEHICLE_CLASSES } from '../../sim/types';
import { isLayerVisible } from '../../state/layersSlice';
import type { HeatmapMode } from '../../state/liveSelectionSlice';
import type { AppState } from '../../state/store';
import type { Language, ViewEngine } from '../../state/viewSlice';
import type { LegendItem, LegendSection } from './exportLayout';

export interface LegendState {
  engine: ViewEngine;
  layerVisible: Record<string, boolean>;
  planReady: boolean;
  comparing: boolean;
  heatmap: HeatmapMode;
  liveData: boolean;
}

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export function legendStateOf(s: AppState): LegendState {
  return {
    engine: s.engine,
    layerVisible: s.layerVisible,
    planReady: s.planStatus === 'ready',
    comparing: currentPair(s.planView, s.activeSiteId) !== null,
    heatmap: s.heatmap,
    liveData: s.feed.everConnected,
  };
}

const pct = (r: number) => Math.round(r * 100);

function liveSection(key: LiveLayerKey, t: Translate, withStops: boolean): LegendSection | null {
  const stop: LegendItem = { label: t('live.stop.title'), color: STOP_COLOR, shape: 'dot' };
  switch (key) {
    case 'traffic':
      return { title: t('live.legend.vehicles'), items: VEHICLE_CLASSES.map((c) => ({ label: t(`live.vehicleClass.${c}`), color: VEHICLE_STYLE[c].color, shape: 'dot' })) };
    case 'congestion':
      return {
        title: t('live.legend.congestion'),
        items: [
          { label: t('live.legend.free'), color: CONGESTION_STOPS[3]![1], shape: 'line' },
          { label: t('live.legend.slow', { pct: pct(CONGESTION_BOUNDS.slow) }), color: CONGESTION_STOPS[2]![1], shape: 'line' },
          { label: t('live.legend.congested', { pct: pct(CONGESTION_BOUNDS.congested) }), color: CONGESTION_STOPS[1]![1], shape: 'line' },
          { label: t('live.legend.jammed', { pct: pct(CONGESTION_BOUNDS.jammed) }), color: CONGESTION_STOPS[0]![1], shape: 'line' },
          { label: t('live.legend.noData'), color: NO_DATA_COLOR, shape: 'line' },
        ],
      };
    case 'sensors':
      return { title: t('live.legend.sensorStates'), items: SENSOR_LEVELS.map((l) => ({ label: t(`live.level.${l}`), color: SENSOR_LEVEL_COLORS[l], shape: 'dot' })) };
    case 'signals':
      return {
        title: t('live.legend.signals'),
        items: (['green', 'amber', 'red', 'stale'] as const).map((s) => ({ label: t(`live.signal.${s}`), color: SIGNAL_STATE_COLORS[s], shape: 'dot' })),
      };
    case 'rsu':
      return {
        title: t('live.legend.rsu'),
        items: [...SENSOR_LEVELS.map((l): LegendItem => ({ label: t(`live.rsuLevel.${l}`), color: RSU_LEVEL_COLORS[l], shape: 'dot' })), ...(withStops ? [stop] : [])],
      };
    case 'stops':
      return withStops ? { title: t('live.stop.title'), items: [stop] } : null;
    case 'alerts':
      return { title: t('live.legend.alerts'), items: ALERT_SEVERITIES.map((s) => ({ label: t(`live.severity.${s}`), color: SEVERITY_COLORS[s], shape: 'swatch' })) };
  }
}

function heatSection(title: string, scale: HeatScale, unit: string): LegendSection {
  return { title, items: scale.stops.map(([from, color]) => ({ label: `≥ ${from} ${unit}`, color, shape: 'swatch' })) };
}

export function exportLegend(scene: Scene, st: LegendState, t: Translate, lang: Language): LegendSection[] {
  const shown = (id: string) => isLayerVisible(st.layerVisible, id);
  const three = st.engine === 'three';
  const out: LegendSection[] = [];

  const buildings = scene.tilesets.some((ts) => ts.kind === 'buildings' && shown(ts.id));
  const ground = scene.tilesets.find((ts) => ts.kind === 'ground');
  const landUseGround = scene.groundLayers.some((g) => g.id === 'landuse' && shown(g.id)) && (!ground || shown(ground.id));
  const plots = three && st.planReady && shown('plots');
  if (buildings || landUseGround || plots) {
    out.push({
      title: t('layers.legendTitle'),
      items: LAND_USE_CLASSES.map((c) => ({ label: `${c} ${LAND_USE_INFO[c][lang]}`, color: LAND_USE_INFO[c].colorHex, shape: 'swatch' })),
    });
  }
  if (!three) return out;

  if (st.planReady) {
    const lines = CONTROL_LINE_KINDS.filter((k) => shown(CONTROL_LINE_LAYER[k]));
    if (lines.length > 0) {
      out.push({
        title: t('export.controlLines'),
        items: lines.map((k) => ({ label: t(`planning.catalogue.layers.${CONTROL_LINE_LAYER[k]}`), color: CONTROL_LINE_COLORS[k], shape: 'line' })),
      });
    }
    if (st.comparing && shown('diff')) {
      out.push({ title: t('planning.diff.title'), items: DIFF_KINDS.map((k) => ({ label: t(`planning.diff.${k}`), color: DIFF_COLORS[k], shape: 'swatch' })) });
    }
  }

  if (!st.liveData) return out;
  if (st.heatmap === 'aqi') out.push(heatSection(t('live.layers.heatmapModes.aqi'), AQI_SCALE, 'AQI'));
  if (st.heatmap === 'noise') out.push(heatSection(t('live.layers.heatmapModes.noise'), NOISE_SCALE, 'dB(A)'));
  const live = (Object.keys(LIVE_LAYER_IDS) as LiveLayerKey[]).filter((k) => shown(LIVE_LAYER_IDS[k]));
  const stopsWithRsu = live.includes('rsu');
  for (const k of live) {
    const sec = liveSection(k, t, k === 'rsu' ? live.includes('stops') : !stopsWithRsu);
    if (sec) out.push(sec);
  }
  return out;
}
