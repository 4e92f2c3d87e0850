/**
 * The card shown while an alarm holds the tour's camera: severity, asset, what happened and when,
 * and a countdown to the tour's return (a manual pause during the hold keeps the camera on the
 * asset afterwards). Its button does what "A" does: acknowledge through the alerts slice, which
 * ends the hold at once.
 */
import { useTranslation } from 'react-i18next';
import { SEVERITY_COLORS } from '../../layers/live/severity';
import { useAppStore } from '../../state/hooks';
import { alertMessage, alertTitle } from '../../ui/live/alertText';
import { formatClock } from '../../ui/live/format';
import type { TourControls, TourHud } from './useTourController';

export function AlarmCard({ tour, controls }: { tour: TourHud; controls: TourControls }) {
  const { t } = useTranslation();
  const lang = useAppStore((s) => s.language);
  const pastShown = useAppStore((s) => s.timeMachine.mode === 'replay');
  const alert = useAppStore((s) => (tour.alarmId ? s.alertState.alerts.find((a) => a.id === tour.alarmId) ?? null : null));
  if (!tour.alarmId || !alert) return null;
  const color = SEVERITY_COLORS[alert.severity];

  return (
    <section
      className="st-screen__alarm st-screen__card"
      role="alert"
      data-screen-part="alarm"
      data-testid="alarm-card"
      data-alert-id={alert.id}
      data-severity={alert.severity}
      style={{ borderColor: color }}
    >
      <header className="st-screen__alarm-head">
        <span className="st-screen__alarm-sev" style={{ background: color }}>
          {t(`live.severity.${alert.severity}`)}
        </span>
        <span className="st-screen__alarm-title">{t('modes.screenShell.alarm.title')}</span>
        <span className="st-screen__alarm-time">{t('modes.screenShell.alarm.raisedAt', { time: formatClock(alert.raisedAtMs) })}</span>
      </header>
      <p className="st-screen__alarm-asset">{alertTitle(alert, lang)}</p>
      <p className="st-screen__alarm-msg">{alertMessage(alert, t, lang)}</p>
      <footer className="st-screen__alarm-foot">
        <span data-testid="alarm-countdown" data-seconds={tour.holdLeftS ?? ''}>
          {t('modes.screenShell.alarm.resumeIn', { s: tour.holdLeftS ?? 0 })}
        </span>
        {alert.status === 'new' && (
          <button type="button" className="st-screen__btn st-screen__btn--wide" onClick={controls.ack} data-testid="alarm-ack"
            disabled={pastShown} title={pastShown ? t('timeline.noAckInPast') : undefined}>
            {t('modes.screenShell.alarm.ack')}
          </button>
        )}
      </footer>
    </section>
  );
}
