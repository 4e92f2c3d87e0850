/**
 * What every live colour and shape means: vehicle classes, the congestion scale, sensor states and
 * types, signal phases, RSU coverage, bus stops and alert severities. Built from the same style
 * constants the 3D layers draw with. `layers` narrows it to the parts of some layers (the
 * catalogue shows each layer's own legend); without it, everything shows.
 */
import { useTranslation } from 'react-i18next';
import { CONGESTION_BOUNDS, CONGESTION_STOPS, NO_DATA_COLOR } from '../../analysis/live/congestion';
import { SENSOR_LEVELS } from '../../analysis/live/thresholds';
import type { LiveLayerKey } from '../../layers/live/layerIds';
import { ALERT_SEVERITIES } from '../../scene/schema';
import { VEHICLE_CLASSES } from '../../sim/types';
import { SEVERITY_COLORS } from '../../layers/live/severity';
import { RSU_LEVEL_COLORS } from '../../layers/rsu/model';
import { SENSOR_LEVEL_COLORS, SENSOR_TYPE_STYLE } from '../../layers/sensors/style';
import { SIGNAL_STATE_COLORS } from '../../layers/signals/model';
import { STOP_COLOR } from '../../layers/stops/model';
import { VEHICLE_STYLE } from '../../layers/traffic/style';
import { LegendGlyph } from './LegendGlyph';

const gradient = `linear-gradient(to right, ${CONGESTION_STOPS.map(([r, c]) => `${c} ${Math.round(r * 100)}%`).join(', ')})`;

export function LiveLegend({ layers }: { layers?: readonly LiveLayerKey[] }) {
  const { t } = useTranslation();
  const show = (k: LiveLayerKey) => !layers || layers.includes(k);
  const stop = (
    <li>
      <LegendGlyph shape="sign" color={STOP_COLOR} /> {t('live.stop.title')}
    </li>
  );
  return (
    <div className="st-legend" data-testid="live-legend">
      {show('traffic') && (
        <>
          <h3 className="st-legend__title">{t('live.legend.vehicles')}</h3>
          <ul className="st-legend__list">
            {VEHICLE_CLASSES.map((c) => (
              <li key={c}>
                <LegendGlyph shape={VEHICLE_STYLE[c].shape} color={VEHICLE_STYLE[c].color} /> {t(`live.vehicleClass.${c}`)}
              </li>
            ))}
          </ul>
        </>
      )}
      {show('congestion') && (
        <>
          <h3 className="st-legend__title">{t('live.legend.congestion')}</h3>
          <div className="st-legend__scale" style={{ background: gradient }} aria-hidden="true" />
          <ul className="st-legend__list st-legend__list--inline">
            <li>{t('live.legend.jammed', { pct: Math.round(CONGESTION_BOUNDS.jammed * 100) })}</li>
            <li>{t('live.legend.congested', { pct: Math.round(CONGESTION_BOUNDS.congested * 100) })}</li>
            <li>{t('live.legend.slow', { pct: Math.round(CONGESTION_BOUNDS.slow * 100) })}</li>
            <li>{t('live.legend.free')}</li>
            <li>
              <span className="st-swatch" style={{ background: NO_DATA_COLOR }} aria-hidden="true" /> {t('live.legend.noData')}
            </li>
          </ul>
          <p className="st-legend__note st-muted">{t('live.legend.flow')}</p>
        </>
      )}
      {show('sensors') && (
        <>
          <h3 className="st-legend__title">{t('live.legend.sensorStates')}</h3>
          <ul className="st-legend__list st-legend__list--inline">
            {SENSOR_LEVELS.map((l) => (
              <li key={l}>
                <LegendGlyph shape="dot" color={SENSOR_LEVEL_COLORS[l]} /> {t(`live.level.${l}`)}
              </li>
            ))}
          </ul>
          <p className="st-legend__note st-muted">{t('live.legend.pulse')}</p>
          <h3 className="st-legend__title">{t('live.legend.sensorTypes')}</h3>
          <ul className="st-legend__list st-legend__list--inline">
            {Object.entries(SENSOR_TYPE_STYLE).map(([type, st]) => (
              <li key={type}>
                <LegendGlyph shape={st.shape} color="#cbd5e1" /> {t(`live.sensorType.${type}`)}
              </li>
            ))}
          </ul>
        </>
      )}
      {show('signals') && (
        <>
          <h3 className="st-legend__title">{t('live.legend.signals')}</h3>
          <ul className="st-legend__list st-legend__list--inline">
            {(['green', 'amber', 'red', 'stale'] as const).map((s) => (
              <li key={s}>
                <LegendGlyph shape="dot" color={SIGNAL_STATE_COLORS[s]} /> {t(`live.signal.${s}`)}
              </li>
            ))}
          </ul>
        </>
      )}
      {show('rsu') && (
        <>
          <h3 className="st-legend__title">{t('live.legend.rsu')}</h3>
          <ul className="st-legend__list st-legend__list--inline">
            {SENSOR_LEVELS.map((l) => (
              <li key={l}>
                <LegendGlyph shape="ring" color={RSU_LEVEL_COLORS[l]} /> {t(`live.rsuLevel.${l}`)}
              </li>
            ))}
            {show('stops') && stop}
          </ul>
        </>
      )}
      {show('stops') && !show('rsu') && <ul className="st-legend__list st-legend__list--inline">{stop}</ul>}
      {show('alerts') && (
        <>
          <h3 className="st-legend__title">{t('live.legend.alerts')}</h3>
          <ul className="st-legend__list st-legend__list--inline">
            {ALERT_SEVERITIES.map((s) => (
              <li key={s}>
                <LegendGlyph shape="column" color={SEVERITY_COLORS[s]} /> {t(`live.severity.${s}`)}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
