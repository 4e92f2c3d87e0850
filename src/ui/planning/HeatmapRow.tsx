/** The heatmap row of the catalogue: a choice of what it shows (off, AQI, noise) instead of a checkbox. */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/hooks';
import type { HeatmapMode } from '../../state/liveSelectionSlice';
import type { HeatmapRowModel } from './catalogueModel';
import { LayerRow } from './LayerRow';

const HEATMAP_MODES: readonly HeatmapMode[] = ['off', 'aqi', 'noise'];

export function HeatmapRow({ row }: { row: HeatmapRowModel }) {
  const { t } = useTranslation();
  const lang = useAppStore((s) => s.language);
  const heatmap = useAppStore((s) => s.heatmap);
  const setHeatmap = useAppStore((s) => s.setHeatmap);
  const control = (
    <label className="st-row st-plan-row__toggle">
      <span>{row.name[lang]}</span>
      <select className="st-select" value={heatmap} onChange={(e) => setHeatmap(e.target.value as HeatmapMode)}>
        {HEATMAP_MODES.map((m) => (
          <option key={m} value={m}>
            {t(`live.layers.heatmapModes.${m}`)}
          </option>
        ))}
      </select>
    </label>
  );
  return <LayerRow row={row} control={control} shown={heatmap !== 'off'} />;
}
