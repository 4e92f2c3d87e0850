/**
 * Which state the tools analyse: whatever the view shows (today, the scheme, or a comparison's
 * left side), today, or any scheme, shipped or imported. Every computation after a change uses it.
 */
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EXISTING_STATE } from '../../../analysis/planning/types';
import { useAppStore } from '../../../state/hooks';

export function ToolStateChoice() {
  const { t } = useTranslation();
  const id = useId();
  const lang = useAppStore((s) => s.language);
  const plan = useAppStore((s) => s.plan);
  const imported = useAppStore((s) => s.importedSchemes);
  const choice = useAppStore((s) => s.toolStateChoice);
  const setChoice = useAppStore((s) => s.setToolStateChoice);
  const schemes = useMemo(() => [...(plan?.schemes ?? []), ...imported], [plan, imported]);
  return (
    <div className="st-field st-tools-param st-tools-state">
      <label htmlFor={id}>{t('planning.tools.state.title')}</label>
      <select id={id} className="st-select st-tools-input" value={choice} onChange={(e) => setChoice(e.target.value)}>
        <option value="shown">{t('planning.tools.state.shown')}</option>
        <option value={EXISTING_STATE}>{t('planning.existing')}</option>
        {schemes.map((s) => (
          <option key={s.id} value={s.id}>
            {s.source === 'imported' ? `${s.name[lang]} (${t('planning.imported')})` : s.name[lang]}
          </option>
        ))}
      </select>
    </div>
  );
}
