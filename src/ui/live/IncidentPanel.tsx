/** One incident (crash, flooding, RSU fault): type, severity, status and since when. */
import { useTranslation } from 'react-i18next';
import { useAppStore, useAppStoreApi } from '../../state/hooks';
import { formatClock, localName } from './format';
import { useUiTick } from './useUiTick';

export function IncidentPanel({ id }: { id: string }) {
  const { t } = useTranslation();
  useUiTick(1000);
  const store = useAppStoreApi();
  const lang = useAppStore((s) => s.language);
  const inc = store.getState().feedBuffers?.incidents.items.get(id);
  if (!inc) return <p className="st-muted">{t('live.incident.resolvedGone')}</p>;
  return (
    <div className="st-live-detail__body" data-testid="incident-panel">
      <p className="st-live-detail__kind">{t(`live.incidentType.${inc.type}`, { defaultValue: inc.type })}</p>
      <h3 className="st-live-detail__title">{localName(inc.description, lang, inc.id)}</h3>
      <dl className="st-attr__list">
        <dt>{t('live.incident.severity')}</dt>
        <dd>{inc.severity}</dd>
        <dt>{t('live.incident.status')}</dt>
        <dd>{t(`live.incident.statuses.${inc.status}`)}</dd>
        <dt>{t('live.incident.since')}</dt>
        <dd>{formatClock(inc.startedTs ?? inc.ts)}</dd>
        <dt>{t('live.detail.id')}</dt>
        <dd className="st-mono">{inc.id}</dd>
      </dl>
    </div>
  );
}
