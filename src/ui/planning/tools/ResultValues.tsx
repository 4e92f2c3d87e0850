/** A result's values as label–value pairs, with units and the precision of valueFormat.ts. */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../state/hooks';
import type { ResultValues as Values } from '../../../tools/toolTypes';
import { valueRows } from './valueFormat';

export function ResultValues({ values }: { values: Values }) {
  const { t } = useTranslation();
  const lang = useAppStore((s) => s.language);
  const rows = valueRows(values, t, lang);
  if (rows.length === 0) return null;
  return (
    <dl className="st-tools-values">
      {rows.map((r) => (
        <div key={r.key} className="st-tools-values__row" data-value={r.key}>
          <dt>{r.label}</dt>
          <dd>{r.text}</dd>
        </div>
      ))}
    </dl>
  );
}
