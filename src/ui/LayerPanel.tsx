/**
 * Layer visibility: each tileset of the zone (buildings, ground) and the ground's sub-layers
 * (water, road, green, land use). Sub-layers are disabled while the ground itself is hidden,
 * since toggling them would then change nothing on screen. The land-use legend is always shown:
 * buildings and planning blocks both use its colours.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scene } from '../scene/schema';
import { useAppStore } from '../state/hooks';
import { isLayerVisible } from '../state/layersSlice';
import { LandUseLegend } from './LandUseLegend';
import { LiveLayerControls } from './live/LiveLayerControls';

export function LayerPanel({ scene }: { scene: Scene }) {
  const { t } = useTranslation();
  const titleId = useId();
  const lang = useAppStore((s) => s.language);
  const visible = useAppStore((s) => s.layerVisible);
  const setVisible = useAppStore((s) => s.setLayerVisible);
  const groundTilesetId = scene.tilesets.find((ts) => ts.kind === 'ground')?.id;
  const groundOn = groundTilesetId ? isLayerVisible(visible, groundTilesetId) : true;

  const subLayers = (
    <ul className="st-layers__sub" aria-label={t('layers.groundSub')}>
      {scene.groundLayers.map((g) => (
        <li key={g.id}>
          <label className="st-toggle">
            <input
              type="checkbox"
              checked={isLayerVisible(visible, g.id)}
              disabled={!groundOn}
              onChange={(e) => setVisible(g.id, e.target.checked)}
            />
            <span className="st-swatch" style={{ background: g.color }} aria-hidden="true" />
            <span>{g.name[lang]}</span>
          </label>
        </li>
      ))}
    </ul>
  );

  return (
    <section className="st-section" aria-labelledby={titleId}>
      <h2 id={titleId} className="st-section__title">
        {t('layers.title')}
      </h2>
      <ul className="st-layers">
        {scene.tilesets.map((ts) => (
          <li key={ts.id}>
            <label className="st-toggle">
              <input
                type="checkbox"
                checked={isLayerVisible(visible, ts.id)}
                onChange={(e) => setVisible(ts.id, e.target.checked)}
              />
              <span>{ts.name[lang]}</span>
            </label>
            {ts.id === groundTilesetId && scene.groundLayers.length > 0 && subLayers}
          </li>
        ))}
      </ul>
      {!groundTilesetId && scene.groundLayers.length > 0 && subLayers}
      <LandUseLegend />
      <LiveLayerControls />
    </section>
  );
}
