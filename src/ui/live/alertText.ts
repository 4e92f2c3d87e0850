/** The sentence that describes an alert, from its plain data and the UI language. */
import type { TFunction } from 'i18next';
import type { Alert } from '../../analysis/alerts/types';
import type { Language } from '../../state/viewSlice';
import { displayUnit } from '../../layers/live/labelText';
import { formatNumber, localName } from './format';

export function alertTitle(a: Alert, lang: Language): string {
  return localName(a.asset.name, lang, a.asset.id);
}

export function alertMessage(a: Alert, t: TFunction, lang: Language): string {
  const type = t(`live.sensorType.${a.asset.type}`, { defaultValue: a.asset.type });
  switch (a.cause) {
    case 'threshold':
      return t('live.alerts.cause.threshold', {
        type, value: formatNumber(a.value, lang), unit: displayUnit(a.unit, t), threshold: formatNumber(a.threshold, lang),
      });
    case 'rate':
      return t('live.alerts.cause.rate', { type, value: formatNumber(a.value, lang, 2), unit: displayUnit(a.unit, t) });
    case 'stale':
      return t('live.alerts.cause.stale', { type });
    case 'incident':
      return t('live.alerts.cause.incident', { type: t(`live.incidentType.${a.asset.type}`, { defaultValue: a.asset.type }) });
  }
}
