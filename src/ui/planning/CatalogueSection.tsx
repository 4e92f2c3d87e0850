/** One group of the catalogue (现状, 规划, 实时, 专题): a disclosure header and its rows, nested by parent. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/hooks';
import { isLayerVisible } from '../../state/layersSlice';
import type { CatalogueGroup, CatalogueRow, SchemeRowModel } from './catalogueModel';
import { HeatmapRow } from './HeatmapRow';
import { LayerRow } from './LayerRow';
import { SchemeChoices } from './SchemeChoices';

interface Props {
  group: CatalogueGroup;
  expanded: boolean;
  onToggle: () => void;
  anySchemes: boolean;
}

export function CatalogueSection({ group, expanded, onToggle, anySchemes }: Props) {
  const { t } = useTranslation();
  const bodyId = useId();
  const visible = useAppStore((s) => s.layerVisible);
  const planStatus = useAppStore((s) => s.planStatus);
  const childrenOf = (id: string) => group.rows.filter((r) => r.parentId === id);

  const renderRow = (row: CatalogueRow, parentHidden: boolean) => {
    if (row.kind === 'heading') {
      const schemes = childrenOf(row.id).filter((r): r is SchemeRowModel => r.kind === 'scheme');
      return <SchemeChoices key={row.id} heading={row} rows={schemes} anySchemes={anySchemes} />;
    }
    if (row.kind === 'heatmap') return <HeatmapRow key={row.id} row={row} />;
    if (row.kind !== 'layer') return null;
    const kids = childrenOf(row.id);
    const hidden = parentHidden || !isLayerVisible(visible, row.id);
    return (
      <LayerRow key={row.id} row={row} parentHidden={parentHidden}>
        {kids.length > 0 && (
          <ul className="st-layers st-layers__sub" aria-label={t('layers.groundSub')}>
            {kids.map((k) => renderRow(k, hidden))}
          </ul>
        )}
      </LayerRow>
    );
  };

  return (
    <section className="st-plan-group" data-group={group.id}>
      <h3 className="st-plan-group__head">
        <button
          type="button"
          className="st-plan-group__toggle"
          aria-expanded={expanded}
          aria-controls={bodyId}
          onClick={onToggle}
        >
          <span className="st-plan-group__chevron" aria-hidden="true">
            {expanded ? '▾' : '▸'}
          </span>
          {t(`planning.catalogue.groups.${group.id}`)}
        </button>
        {group.id === 'planning' && (
          <span className="st-badge st-badge--warn st-badge--small" data-testid="illustrative-badge">
            {t('planning.illustrative')}
          </span>
        )}
      </h3>
      <div id={bodyId} hidden={!expanded}>
        {group.id === 'planning' && (
          <>
            <p className="st-note st-note--warn">{t('planning.illustrativeNote')}</p>
            {planStatus === 'loading' && <p className="st-note">{t('planning.catalogue.planLoading')}</p>}
            {planStatus === 'failed' && <p className="st-note st-note--warn">{t('planning.catalogue.planFailed')}</p>}
          </>
        )}
        <ul className="st-layers">{group.rows.filter((r) => r.parentId === undefined).map((r) => renderRow(r, false))}</ul>
      </div>
    </section>
  );
}
