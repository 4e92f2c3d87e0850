/**
 * 规划一张图: every layer of the zone in one searchable tree, grouped 现状 / 规划 / 实时 / 专题.
 * It replaces the plain layer panel. Visibility and opacity go to the store (and from there into
 * the share URL); a search shows every group that has a match, expanded, whatever was collapsed.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scene } from '../../scene/schema';
import { useAppStore } from '../../state/hooks';
import { allSchemes } from '../../state/planningSlice';
import { catalogueGroups, filterGroups, type BilingualT, type CatalogueGroupId } from './catalogueModel';
import { CatalogueSection } from './CatalogueSection';
import './planning.css';

type Folded = Partial<Record<CatalogueGroupId, boolean>>;

export function CatalogueTree({ scene }: { scene: Scene }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const plan = useAppStore((s) => s.plan);
  const imported = useAppStore((s) => s.importedSchemes);
  const [query, setQuery] = useState('');
  const [collapsed, setCollapsed] = useState<Folded>({});
  // Folding during a search is separate and short-lived, so the user's own folding survives it.
  const [searchFolded, setSearchFolded] = useState<Folded>({});

  const schemes = useMemo(() => allSchemes({ plan, importedSchemes: imported }), [plan, imported]);
  const groups = useMemo(() => {
    const zh = i18n.getFixedT('zh');
    const en = i18n.getFixedT('en');
    const tt: BilingualT = (key) => ({ zh: zh(key), en: en(key) });
    return catalogueGroups(scene, schemes, tt);
  }, [scene, schemes, i18n]);
  const shown = useMemo(() => filterGroups(groups, query), [groups, query]);
  const searching = query.trim() !== '';

  return (
    <section className="st-section st-plan-cat" aria-labelledby={titleId}>
      <h2 id={titleId} className="st-section__title">
        {t('planning.catalogue.title')}
      </h2>
      <input
        type="search"
        className="st-input st-plan-cat__search"
        value={query}
        placeholder={t('planning.catalogue.searchPlaceholder')}
        aria-label={t('planning.catalogue.search')}
        onChange={(e) => {
          setQuery(e.target.value);
          setSearchFolded({});
        }}
      />
      {shown.map((g) => (
        <CatalogueSection
          key={g.id}
          group={g}
          expanded={!(searching ? searchFolded : collapsed)[g.id]}
          onToggle={() => (searching ? setSearchFolded : setCollapsed)((c) => ({ ...c, [g.id]: !c[g.id] }))}
          anySchemes={schemes.length > 0}
        />
      ))}
      {shown.length === 0 && (
        <p className="st-note" role="status">
          {t('planning.catalogue.noMatch', { q: query.trim() })}
        </p>
      )}
    </section>
  );
}
