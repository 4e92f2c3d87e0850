/**
 * The legend of one catalogue row, opened on demand: land use for buildings, land-use blocks and
 * plots; the line colour for a control line; the layer's part of the live legend; the heatmap
 * scale; the diff colours. Colours come from the constants the 3D layers draw with.
 */
import { useTranslation } from 'react-i18next';
import { CONTROL_LINE_COLORS } from '../../analysis/planning/colors';
import { AQI_SCALE, NOISE_SCALE, type HeatScale } from '../../layers/sensors/model';
import { useAppStore } from '../../state/hooks';
import { LandUseLegend } from '../LandUseLegend';
import { LiveLegend } from '../live/LiveLegend';
import type { CatalogueRow } from './catalogueModel';
import { DiffLegend } from './DiffLegend';

function scaleItems(scale: HeatScale, unit: string) {
  return scale.stops.map(([from, color]) => (
    <li key={from} className="st-legend__item">
      <span className="st-swatch" style={{ background: color }} aria-hidden="true" />
      <span>
        ≥ {from} {unit}
      </span>
    </li>
  ));
}

export function LayerLegend({ row }: { row: CatalogueRow }) {
  const { t } = useTranslation();
  const heatmap = useAppStore((s) => s.heatmap);
  if (row.kind === 'heatmap') {
    return (
      <div className="st-legend" data-testid="heatmap-legend">
        {heatmap !== 'noise' && (
          <>
            <h3 className="st-legend__title">{t('live.layers.heatmapModes.aqi')}</h3>
            <ul className="st-legend__list">{scaleItems(AQI_SCALE, 'AQI')}</ul>
          </>
        )}
        {heatmap !== 'aqi' && (
          <>
            <h3 className="st-legend__title">{t('live.layers.heatmapModes.noise')}</h3>
            <ul className="st-legend__list">{scaleItems(NOISE_SCALE, 'dB(A)')}</ul>
          </>
        )}
      </div>
    );
  }
  if (row.kind !== 'layer') return null;
  switch (row.legend) {
    case 'landuse':
      return <LandUseLegend />;
    case 'line':
      return row.lineKind ? (
        <div className="st-legend" data-testid="line-legend">
          <p className="st-legend__item">
            <span
              className="st-plan-line-swatch"
              style={{ borderColor: CONTROL_LINE_COLORS[row.lineKind] }}
              data-color={CONTROL_LINE_COLORS[row.lineKind]}
              aria-hidden="true"
            />
            <span>{t(`planning.catalogue.lineMeaning.${row.lineKind}`)}</span>
          </p>
        </div>
      ) : null;
    case 'live':
      return row.liveKey ? <LiveLegend layers={[row.liveKey]} /> : null;
    case 'diff':
      return <DiffLegend />;
    default:
      return null;
  }
}
