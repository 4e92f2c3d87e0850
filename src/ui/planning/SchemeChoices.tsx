/**
 * The schemes in the catalogue, as one radio group: today's city, or one scheme shown over its
 * site. Choosing a scheme also makes its site the active one, so the board follows the map.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/hooks';
import { EXISTING_STATE } from '../../state/planningSlice';
import type { HeadingRowModel, SchemeRowModel } from './catalogueModel';

interface Props {
  heading: HeadingRowModel;
  rows: readonly SchemeRowModel[];
  /** Whether the zone has any scheme at all (a search may hide some). */
  anySchemes: boolean;
}

export function SchemeChoices({ heading, rows, anySchemes }: Props) {
  const { t } = useTranslation();
  const name = useId();
  const lang = useAppStore((s) => s.language);
  const view = useAppStore((s) => s.planView);
  const setPlanView = useAppStore((s) => s.setPlanView);
  const setActiveSite = useAppStore((s) => s.setActiveSite);
  const current = view.mode === 'existing' ? EXISTING_STATE : view.right;

  const choose = (r: SchemeRowModel) => {
    if (r.stateId === EXISTING_STATE) {
      setPlanView({ mode: 'existing' });
      return;
    }
    if (r.siteId) setActiveSite(r.siteId);
    setPlanView({ mode: 'scheme', right: r.stateId });
  };

  return (
    <li className="st-plan-row" data-layer={heading.id}>
      <fieldset className="st-plan-schemes">
        <legend className="st-plan-schemes__title">{heading.name[lang]}</legend>
        <ul className="st-layers st-layers__sub">
          {rows.map((r) => (
            <li key={r.id}>
              <label className="st-toggle">
                <input type="radio" name={name} checked={current === r.stateId} onChange={() => choose(r)} />
                <span>{r.name[lang]}</span>
                {r.source === 'imported' && <span className="st-badge st-badge--small">{t('planning.imported')}</span>}
              </label>
            </li>
          ))}
        </ul>
        {!anySchemes && <p className="st-note">{t('planning.catalogue.noSchemes')}</p>}
      </fieldset>
    </li>
  );
}
