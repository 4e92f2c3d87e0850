/**
 * One layer of the catalogue: a visibility checkbox, an opacity slider and a legend opened on
 * demand. The slider is disabled while the layer is hidden, since moving it would change nothing
 * on screen; a sub-layer is disabled while its parent (the ground) is hidden, for the same reason.
 */
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/hooks';
import { isLayerVisible } from '../../state/layersSlice';
import { layerOpacityOf } from '../../state/planningSlice';
import type { CatalogueRow } from './catalogueModel';
import { LayerLegend } from './LayerLegend';

interface Props {
  row: CatalogueRow;
  parentHidden?: boolean;
  /** Replaces the checkbox (the heatmap chooses a mode instead of on/off). */
  control?: ReactNode;
  /** Whether the layer shows, when `control` decides it rather than the visibility slice. */
  shown?: boolean;
  children?: ReactNode;
}

export function LayerRow({ row, parentHidden = false, control, shown, children }: Props) {
  const { t } = useTranslation();
  const legendId = useId();
  const lang = useAppStore((s) => s.language);
  const visibleMap = useAppStore((s) => s.layerVisible);
  const setVisible = useAppStore((s) => s.setLayerVisible);
  const opacity = useAppStore((s) => layerOpacityOf(s.layerOpacity, row.id));
  const setOpacity = useAppStore((s) => s.setLayerOpacity);
  const [legendOpen, setLegendOpen] = useState(false);
  const name = row.name[lang];
  const visible = shown ?? isLayerVisible(visibleMap, row.id);
  const pct = Math.round(opacity * 100);
  const hasLegend = row.kind === 'heatmap' || (row.kind === 'layer' && row.legend !== 'none');
  const swatch = row.kind === 'layer' ? row.swatch : undefined;

  return (
    <li className="st-plan-row" data-layer={row.id} data-visible={visible && !parentHidden ? 'yes' : 'no'}>
      <div className="st-plan-row__main">
        {control ?? (
          <label className="st-toggle st-plan-row__toggle">
            <input
              type="checkbox"
              checked={visible}
              disabled={parentHidden}
              onChange={(e) => setVisible(row.id, e.target.checked)}
            />
            {swatch && <span className="st-swatch" style={{ background: swatch }} aria-hidden="true" />}
            <span>{name}</span>
          </label>
        )}
        {hasLegend && (
          <button
            type="button"
            className="st-btn st-btn--small st-plan-btn"
            aria-expanded={legendOpen}
            aria-controls={legendId}
            aria-label={t('planning.catalogue.legendOf', { name })}
            onClick={() => setLegendOpen((o) => !o)}
          >
            {t('planning.catalogue.legend')}
          </button>
        )}
      </div>
      {row.kind !== 'layer' || row.opacity !== false ? (
      <input
        type="range"
        className="st-range st-plan-row__opacity"
        min={0}
        max={100}
        step={1}
        value={pct}
        disabled={!visible || parentHidden}
        aria-label={t('planning.catalogue.opacity', { name })}
        aria-valuetext={`${pct}%`}
        onChange={(e) => setOpacity(row.id, Number(e.target.value) / 100)}
      />
      ) : null}
      <div id={legendId} className="st-plan-row__legend" hidden={!legendOpen}>
        {legendOpen && <LayerLegend row={row} />}
      </div>
      {children}
    </li>
  );
}
