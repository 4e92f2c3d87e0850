/**
 * The zone's alerts, counted by severity, most severe and newest first; closed ones on request.
 * Acknowledging and closing are recorded under the operator on duty, at the feed's server time
 * (the clock every alert time uses). Selecting an alert flies to its asset and highlights it.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ALERT_SEVERITIES } from '../../scene/schema';
import { openAlerts } from '../../analysis/alerts/lifecycle';
import { liveConfigOf } from '../../analysis/live/liveConfig';
import { SEVERITY_RANK, type Alert, type AuditEntry } from '../../analysis/alerts/types';
import { wallClock, type Clock } from '../../layers/live/liveClock';
import { SEVERITY_COLORS } from '../../layers/live/severity';
import { useAppStore, useAppStoreApi } from '../../state/hooks';
import { AlertItem } from './AlertItem';
import { OperatorField } from './OperatorField';
import './live.css';

/** How close the camera comes to an alert's asset, as the radius that should fill the view, m. */
export const ALERT_FLY_RADIUS_M = 160;
const MAX_SHOWN = 60;

export function AlertList({ now = wallClock }: { now?: Clock }) {
  const { t } = useTranslation();
  const titleId = useId();
  const store = useAppStoreApi();
  const lang = useAppStore((s) => s.language);
  const state = useAppStore((s) => s.alertState);
  const rules = useAppStore((s) => liveConfigOf(s.zones.find((z) => z.id === s.currentZoneId)?.scene).alertRules);
  const [showClosed, setShowClosed] = useState(false);

  const open = useMemo(() => openAlerts(state.alerts, SEVERITY_RANK), [state.alerts]);
  const closed = useMemo(() => state.alerts.filter((a) => a.status === 'closed').reverse(), [state.alerts]);
  const auditBy = useMemo(() => {
    const m = new Map<string, AuditEntry[]>();
    for (const e of state.audit) {
      const list = m.get(e.alertId) ?? [];
      list.push(e);
      m.set(e.alertId, list);
    }
    return m;
  }, [state.audit]);
  const counts = Object.fromEntries(ALERT_SEVERITIES.map((s) => [s, open.filter((a) => a.severity === s).length]));
  const serverNow = () => store.getState().feedBuffers?.clock.serverNow(now()) ?? now();
  const ruleName = (a: Alert) => rules?.find((r) => r.id === a.ruleId)?.name[lang] ?? a.ruleId;

  const locate = (a: Alert) => {
    const s = store.getState();
    s.flyToTarget([a.asset.x, a.asset.y, 0], ALERT_FLY_RADIUS_M);
    s.selectLive({ kind: a.asset.kind, id: a.asset.id });
  };
  const item = (a: Alert) => (
    <AlertItem
      key={a.id}
      alert={a}
      audit={auditBy.get(a.id) ?? []}
      ruleName={ruleName(a)}
      onLocate={locate}
      onAcknowledge={(x) => store.getState().acknowledgeAlert(x.id, serverNow())}
      onClose={(x) => store.getState().closeAlert(x.id, serverNow())}
    />
  );

  return (
    <section className="st-panel st-alerts" aria-labelledby={titleId} data-testid="alert-list">
      <div className="st-live-head">
        <h2 id={titleId} className="st-section__title">
          {t('live.alerts.title')}
        </h2>
        <ul className="st-alert-counts" aria-label={t('live.alerts.counts')}>
          {ALERT_SEVERITIES.map((s) => (
            <li key={s} data-testid={`alert-count-${s}`} data-count={counts[s]} style={{ borderColor: SEVERITY_COLORS[s] }}>
              <span style={{ color: SEVERITY_COLORS[s] }}>{t(`live.severity.${s}`)}</span> <strong>{counts[s]}</strong>
            </li>
          ))}
        </ul>
      </div>
      <OperatorField />
      {open.length === 0 ? (
        <p className="st-muted" data-testid="alerts-empty">
          {t('live.alerts.empty')}
        </p>
      ) : (
        <ul className="st-alert-list">{open.slice(0, MAX_SHOWN).map(item)}</ul>
      )}
      {open.length > MAX_SHOWN && <p className="st-muted">{t('live.alerts.more', { n: open.length - MAX_SHOWN })}</p>}
      {closed.length > 0 && (
        <button type="button" className="st-link-btn st-alerts__closed-toggle" aria-expanded={showClosed} onClick={() => setShowClosed((v) => !v)}>
          {showClosed ? t('live.alerts.hideClosed') : t('live.alerts.showClosed', { n: closed.length })}
        </button>
      )}
      {showClosed && <ul className="st-alert-list st-alert-list--closed">{closed.slice(0, MAX_SHOWN).map(item)}</ul>}
    </section>
  );
}
