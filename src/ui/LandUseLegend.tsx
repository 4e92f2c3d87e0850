/** Land-use classes (GB 50137) with their map colours, as drawn by the land-use ground layer. */
import { useTranslation } from 'react-i18next';
import { LAND_USE_CLASSES, LAND_USE_INFO } from '../core/landUse';
import { useAppStore } from '../state/hooks';

export function LandUseLegend() {
  const { t } = useTranslation();
  const lang = useAppStore((s) => s.language);
  return (
    <figure className="st-legend">
      <figcaption className="st-legend__title">{t('layers.legendTitle')}</figcaption>
      <ul className="st-legend__list">
        {LAND_USE_CLASSES.map((c) => (
          <li key={c} className="st-legend__item">
            <span className="st-swatch" style={{ background: LAND_USE_INFO[c].colorHex }} aria-hidden="true" />
            <span className="st-landuse__code">{c}</span>
            <span>{LAND_USE_INFO[c][lang]}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
