/** What the 3D scheme diff's colours mean; the same constants the diff layer draws with. */
import { useTranslation } from 'react-i18next';
import { DIFF_COLORS, DIFF_KINDS } from '../../analysis/planning/colors';

export function DiffLegend() {
  const { t } = useTranslation();
  return (
    <div className="st-legend" data-testid="diff-legend">
      <ul className="st-legend__list">
        {DIFF_KINDS.map((k) => (
          <li key={k} className="st-legend__item">
            <span className={`st-swatch st-plan-diff-swatch--${k}`} style={{ background: DIFF_COLORS[k] }} aria-hidden="true" />
            <span>{t(`planning.diff.${k}`)}</span>
          </li>
        ))}
      </ul>
      <p className="st-legend__note st-muted">{t('planning.diff.ghost')}</p>
    </div>
  );
}
