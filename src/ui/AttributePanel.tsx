/**
 * Attributes of the selected building, from tile metadata (a pick) or from the building index (a
 * search or shared link, until the building is picked). Generated buildings are labelled as
 * synthetic wherever their attributes show, because they are not real buildings.
 */
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  displayName,
  formatHeightM,
  landUseLabel,
  landUseOf,
  OSM_BASE_URL,
  osmUrlFor,
  propNumber,
  propString,
} from '../app/buildingFormat';
import { HTML_LANG } from '../app/i18n';
import { useAppStore } from '../state/hooks';

const SOURCE_KEYS: Record<string, string> = { osm: 'attr.sourceOsm', generated: 'attr.sourceGenerated', scheme: 'attr.sourceScheme' };

function sourceLabel(source: string, t: (key: string) => string): string {
  const key = SOURCE_KEYS[source];
  return key ? t(key) : source || t('attr.unknown');
}

export function AttributePanel() {
  const { t } = useTranslation();
  const titleId = useId();
  const selected = useAppStore((s) => s.selected);
  const lang = useAppStore((s) => s.language);
  const select = useAppStore((s) => s.select);

  useEffect(() => {
    if (!selected) return;
    const onKey = (e: KeyboardEvent) => {
      // Another control (search, dialog) that used this Escape marks it handled.
      if (e.key === 'Escape' && !e.defaultPrevented) select(null);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [selected, select]);

  if (!selected) return null;
  const p = selected.properties;
  const otherLang = lang === 'zh' ? 'en' : 'zh';
  const name = displayName(p, lang);
  const height = propNumber(p, 'heightM');
  const floors = propNumber(p, 'floors');
  const landUseRaw = propString(p, 'landUse');
  const landUse = landUseOf(p);
  const status = propString(p, 'status');
  const source = propString(p, 'source');
  const cimLevel = propString(p, 'cimLevel');
  const schemeId = propString(p, 'schemeId');
  const osmUrl = osmUrlFor(p);
  const osmId = osmUrl ? osmUrl.slice(OSM_BASE_URL.length) : '';
  const fromIndex = !('status' in p) && !('cimLevel' in p);

  return (
    <aside className="st-panel st-attr" role="region" aria-labelledby={titleId}>
      <header className="st-attr__head">
        <div>
          <h2 id={titleId} className="st-attr__title">
            {name.primary || t('attr.unnamed')}
          </h2>
          {name.secondary && (
            <p className="st-attr__subtitle" lang={HTML_LANG[otherLang]}>
              {name.secondary}
            </p>
          )}
        </div>
        <button type="button" className="st-icon-btn" aria-label={t('attr.close')} onClick={() => select(null)}>
          ×
        </button>
      </header>

      <div className="st-attr__badges">
        {status === 'existing' && <span className="st-badge st-badge--existing">{t('attr.statusExisting')}</span>}
        {status === 'planned' && <span className="st-badge st-badge--planned">{t('attr.statusPlanned')}</span>}
        {source === 'osm' && <span className="st-badge st-badge--osm">{t('attr.sourceOsm')}</span>}
        {source === 'generated' && (
          <span className="st-badge st-badge--generated" data-testid="badge-generated">
            {t('attr.sourceGenerated')}
          </span>
        )}
        {source === 'scheme' && <span className="st-badge st-badge--generated">{t('attr.sourceScheme')}</span>}
      </div>
      {source === 'generated' && <p className="st-note st-note--warn">{t('attr.generatedNote')}</p>}
      {source === 'scheme' && <p className="st-note st-note--warn">{t('attr.schemeNote')}</p>}

      <dl className="st-attr__list">
        <dt>{t('attr.height')}</dt>
        <dd>{height !== null ? formatHeightM(height, HTML_LANG[lang]) : t('attr.unknown')}</dd>
        <dt>{t('attr.floors')}</dt>
        <dd>{floors !== null ? String(Math.round(floors)) : t('attr.unknown')}</dd>
        <dt>{t('attr.landUse')}</dt>
        <dd>
          {landUse ? (
            <span className="st-landuse">
              <span className="st-swatch" style={{ background: landUseLabel(landUse).colorHex }} aria-hidden="true" />
              <span className="st-landuse__code">{landUse}</span>
              <span>{landUseLabel(landUse)[lang]}</span>
              <span className="st-landuse__other" lang={HTML_LANG[otherLang]}>
                {landUseLabel(landUse)[otherLang]}
              </span>
            </span>
          ) : (
            landUseRaw || t('attr.unknown')
          )}
        </dd>
        {status && status !== 'existing' && status !== 'planned' && (
          <>
            <dt>{t('attr.status')}</dt>
            <dd>{status}</dd>
          </>
        )}
        <dt>{t('attr.source')}</dt>
        <dd>{sourceLabel(source, t)}</dd>
        {schemeId && (
          <>
            <dt>{t('attr.schemeId')}</dt>
            <dd className="st-mono">{schemeId}</dd>
          </>
        )}
        {cimLevel && (
          <>
            <dt>{t('attr.cimLevel')}</dt>
            <dd>{cimLevel}</dd>
          </>
        )}
        {osmUrl && (
          <>
            <dt>{t('attr.osmId')}</dt>
            <dd>
              <a href={osmUrl} target="_blank" rel="noopener noreferrer" aria-label={t('attr.osmLink', { id: osmId })}>
                {osmId} ↗
              </a>
            </dd>
          </>
        )}
        <dt>{t('attr.id')}</dt>
        <dd className="st-mono">{selected.id}</dd>
      </dl>
      {fromIndex && <p className="st-note">{t('attr.fromIndex')}</p>}
    </aside>
  );
}
