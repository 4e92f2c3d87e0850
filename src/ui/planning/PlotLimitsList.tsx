/** A plot's four 控规 limits with their units; an uncontrolled limit says so rather than showing 0. */
import { useTranslation } from 'react-i18next';
import type { PlotLimits } from '../../analysis/planning/types';
import { useAppStore } from '../../state/hooks';
import { formatValue, type BoardRowKey } from './indicatorFormat';

const ITEMS: readonly { limit: keyof PlotLimits; label: string; row: BoardRowKey }[] = [
  { limit: 'farMax', label: 'planning.plot.farMax', row: 'far' },
  { limit: 'heightMaxM', label: 'planning.plot.heightMax', row: 'maxHeightM' },
  { limit: 'densityMax', label: 'planning.plot.densityMax', row: 'density' },
  { limit: 'greenRatioMin', label: 'planning.plot.greenMin', row: 'greenRatio' },
];

export function PlotLimitsList({ limits }: { limits: PlotLimits }) {
  const { t } = useTranslation();
  const lang = useAppStore((s) => s.language);
  return (
    <dl className="st-attr__list st-plan-limits">
      {ITEMS.map(({ limit, label, row }) => {
        const v = limits[limit];
        return (
          <div key={limit} className="st-plan-limits__item" data-limit={limit} data-value={v ?? ''}>
            <dt>{t(label)}</dt>
            <dd>{v === null ? t('planning.plot.uncontrolled') : formatValue(row, v, lang)}</dd>
          </div>
        );
      })}
    </dl>
  );
}
