/**
 * The selected result's detail, from its payload (src/tools/compute/payloads.ts, kept beside the
 * store because it is bulky): the buildings over a height limit, each sight line's verdict, the
 * viewshed's visible share, the skyline chart, a section's dimensions. Measurements need none:
 * their values in the list are the whole result.
 */
import { useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { getToolPayload, subscribeToolPayloads, toolPayloadsVersion } from '../../../tools/compute/payloads';
import type { AnyToolResult } from '../../../tools/results';
import type { CityBuilding } from '../sunlight/analysisInputs';
import { HeightLimitTable } from './HeightLimitTable';
import { ResultValues } from './ResultValues';
import { SightLineDetail } from './SightLineDetail';
import { SkylineChart } from './SkylineChart';
import { useBuildingNames } from './useBuildingNames';

/** Values the detail repeats for the kinds whose list entry is long. */
const pick = (values: AnyToolResult['values'], keys: readonly string[]) => Object.fromEntries(keys.filter((k) => k in values).map((k) => [k, values[k]!]));

interface Props {
  result: AnyToolResult;
  loadZone(): Promise<CityBuilding[]>;
}

export function ResultDetail({ result, loadZone }: Props) {
  const { t } = useTranslation();
  useSyncExternalStore(subscribeToolPayloads, toolPayloadsVersion);
  // Only a payload of the result's own kind belongs to it (ids restart in another zone).
  const stored = getToolPayload(result.id);
  const payload = stored && stored.kind === result.kind ? stored : null;
  const nameOf = useBuildingNames(loadZone, payload?.kind === 'sight-line');

  let body: ReactNode = null;
  if (payload?.kind === 'height-limit') body = <HeightLimitTable report={payload.report} />;
  else if (payload?.kind === 'sight-line') body = <SightLineDetail lines={payload.lines} nameOf={nameOf} />;
  else if (result.kind === 'viewshed') body = <ResultValues values={pick(result.values, ['visibleAreaM2', 'visiblePercent', 'inRangeAreaM2'])} />;
  else if (payload?.kind === 'skyline') {
    body = (
      <>
        <SkylineChart profile={payload.profile} existing={payload.existing} />
        {!payload.existing && <p className="st-note">{t('planning.tools.detail.noCompare')}</p>}
        <ResultValues values={pick(result.values, ['maxElevationDeg', 'skyShare', 'skyViewFactor', 'areaBetweenDeg2', 'higherAreaDeg2'])} />
      </>
    );
  } else if (result.kind === 'section') body = <ResultValues values={result.values} />;
  if (body === null) return null;

  return (
    <section className="st-tools-detail" aria-label={t('planning.tools.detail.title', { name: result.name })} data-testid="tool-result-detail" data-kind={result.kind}>
      <h4 className="st-tools-subtitle">
        {t('planning.tools.detail.title', { name: result.name })} <span className="st-badge st-badge--warn st-badge--small">{t('planning.tools.label')}</span>
      </h4>
      {body}
    </section>
  );
}
