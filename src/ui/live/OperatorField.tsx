/**
 * Who is on duty: the name and role written into the alert audit log with every action. With no
 * name typed, actions go on record under the role alone; the placeholder says which, translated.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/hooks';

export const OPERATOR_ROLES = ['duty-officer', 'shift-lead', 'dispatcher', 'maintenance'] as const;

export function OperatorField() {
  const { t } = useTranslation();
  const id = useId();
  const operator = useAppStore((s) => s.operator);
  const setOperator = useAppStore((s) => s.setOperator);
  const roles: string[] = OPERATOR_ROLES.includes(operator.role as never) ? [...OPERATOR_ROLES] : [...OPERATOR_ROLES, operator.role];
  return (
    <div className="st-operator">
      <label htmlFor={`${id}-name`}>{t('live.alerts.operator')}</label>
      <input
        id={`${id}-name`}
        className="st-input st-operator__name"
        value={operator.name}
        maxLength={40}
        placeholder={OPERATOR_ROLES.includes(operator.role as never) ? t(`live.alerts.roles.${operator.role}`) : operator.role}
        onChange={(e) => setOperator({ name: e.target.value, role: operator.role })}
        onBlur={(e) => setOperator({ name: e.target.value, role: operator.role })}
      />
      <select
        className="st-select st-operator__role"
        aria-label={t('live.alerts.role')}
        value={operator.role}
        onChange={(e) => setOperator({ name: operator.name, role: e.target.value })}
      >
        {roles.map((r) => (
          <option key={r} value={r}>
            {OPERATOR_ROLES.includes(r as never) ? t(`live.alerts.roles.${r}`) : r}
          </option>
        ))}
      </select>
    </div>
  );
}
