/**
 * One alert in the list: severity, asset, what happened and since when, its lifecycle buttons,
 * and its audit trail on demand. Clicking the alert flies to its asset and highlights it.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alert, AuditEntry } from '../../analysis/alerts/types';
import { SEVERITY_COLORS } from '../../layers/live/severity';
import { useAppStore } from '../../state/hooks';
import { alertMessage, alertTitle } from './alertText';
import { formatClock, formatDateTime } from './format';
import { OPERATOR_ROLES } from './OperatorField';

interface Props {
  alert: Alert;
  audit: AuditEntry[];
  ruleName: string;
  onLocate(a: Alert): void;
  onAcknowledge(a: Alert): void;
  onClose(a: Alert): void;
}

export function AlertItem({ alert: a, audit, ruleName, onLocate, onAcknowledge, onClose }: Props) {
  const { t } = useTranslation();
  const lang = useAppStore((s) => s.language);
  // An alert cannot be acknowledged in the past (the slice refuses too; this says why).
  const pastShown = useAppStore((s) => s.timeMachine.mode === 'replay');
  const [showAudit, setShowAudit] = useState(false);
  const actor = (e: AuditEntry) => {
    if (e.actor.role === 'system') return t('live.alerts.system');
    const role = OPERATOR_ROLES.includes(e.actor.role as never) ? t(`live.alerts.roles.${e.actor.role}`) : e.actor.role;
    // An unnamed operator (nobody signed in) is shown by role alone.
    return e.actor.name ? t('live.alerts.actorWithRole', { name: e.actor.name, role }) : role;
  };

  return (
    <li className="st-alert" data-testid="alert" data-alert-id={a.id} data-severity={a.severity} data-status={a.status} data-active={a.active ? 'yes' : 'no'}>
      <span className="st-alert__bar" style={{ background: SEVERITY_COLORS[a.severity] }} aria-hidden="true" />
      <div className="st-alert__body">
        <button type="button" className="st-alert__title st-link-btn" onClick={() => onLocate(a)} title={t('live.alerts.locate')}>
          <span className="st-badge st-alert__sev" style={{ borderColor: SEVERITY_COLORS[a.severity], color: SEVERITY_COLORS[a.severity] }}>
            {t(`live.severity.${a.severity}`)}
          </span>
          <span>{alertTitle(a, lang)}</span>
        </button>
        <p className="st-alert__msg">{alertMessage(a, t, lang)}</p>
        <p className="st-alert__meta st-muted">
          {ruleName} · {t('live.alerts.raisedAt', { time: formatClock(a.raisedAtMs) })} · {t(`live.alerts.status.${a.status}`)}
          {a.status !== 'closed' && ` · ${a.active ? t('live.alerts.active') : t('live.alerts.recovered')}`}
          {a.occurrences > 1 && ` · ${t('live.alerts.occurrences', { n: a.occurrences })}`}
        </p>
        <div className="st-row st-alert__actions">
          {a.status === 'new' && (
            <button type="button" className="st-btn st-btn--small" onClick={() => onAcknowledge(a)} disabled={pastShown}
              title={pastShown ? t('timeline.noAckInPast') : undefined} data-testid="alert-ack">
              {t('live.alerts.acknowledge')}
            </button>
          )}
          {a.status !== 'closed' && (
            <button type="button" className="st-btn st-btn--small" onClick={() => onClose(a)} disabled={pastShown}
              title={pastShown ? t('timeline.noAckInPast') : undefined}>
              {t('live.alerts.close')}
            </button>
          )}
          <button type="button" className="st-btn st-btn--small" aria-expanded={showAudit} onClick={() => setShowAudit((v) => !v)}>
            {t('live.alerts.audit', { n: audit.length })}
          </button>
        </div>
        {showAudit && (
          <ol className="st-audit" aria-label={t('live.alerts.auditTitle')}>
            {audit.map((e) => (
              <li key={e.seq} data-testid="audit-entry" data-action={e.action}>
                <span className="st-mono">{formatDateTime(e.atMs)}</span> {actor(e)} {t(`live.alerts.action.${e.action}`)}
                {e.note ? `：${e.note}` : ''}
              </li>
            ))}
          </ol>
        )}
      </div>
    </li>
  );
}
