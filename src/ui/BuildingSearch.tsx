/**
 * Search by name (Chinese or English) or id over the zone's viewpoints, landmarks and buildings
 * (src/app/searchPlaces.ts). Viewpoints come with the scene and are searchable at once; the
 * building index is fetched the first time the box is used, not on zone entry, so zones that are
 * only looked at never download it. A combobox: arrows move, Enter chooses, Escape clears.
 * Choosing a building selects it with the index's properties and flies to it; a viewpoint flies
 * to its view; a landmark flies to where it stands.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { flyTargetForEntry, selectionFromEntry, type BuildingIndex } from '../app/buildingIndex';
import { formatHeightM } from '../app/buildingFormat';
import { HTML_LANG } from '../app/i18n';
import { placesFromIndex, placesFromViewpoints, searchPlaces, type PlaceHit } from '../app/searchPlaces';
import { loadZoneIndex } from '../app/zoneActions';
import type { Scene } from '../scene/schema';
import { useAppStore, useAppStoreApi } from '../state/hooks';

type IndexState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; index: BuildingIndex }
  | { status: 'error'; message: string };

export function BuildingSearch({ scene }: { scene: Scene }) {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const lang = useAppStore((s) => s.language);
  const listId = useId();
  const inputId = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [indexState, setIndexState] = useState<IndexState>({ status: 'idle' });
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  /** `retry`: also try again after a failure. Only focusing retries, so typing does not refetch per key. */
  const ensureIndex = (retry: boolean) => {
    if (indexState.status === 'loading' || indexState.status === 'ready') return;
    if (indexState.status === 'error' && !retry) return;
    setIndexState({ status: 'loading' });
    void loadZoneIndex(store, scene).then((r) => {
      if (!alive.current) return;
      setIndexState(r.ok ? { status: 'ready', index: r.index } : { status: 'error', message: r.message });
    });
  };

  const viewpoints = useMemo(() => placesFromViewpoints(scene.viewpoints), [scene.viewpoints]);
  const items = useMemo(
    () => (indexState.status === 'ready' ? [...viewpoints, ...placesFromIndex(indexState.index)] : viewpoints),
    [indexState, viewpoints],
  );
  const hits = useMemo<PlaceHit[]>(() => searchPlaces(items, query), [items, query]);
  const expanded = open && query.trim().length > 0;

  const choose = (hit: PlaceHit) => {
    const s = store.getState();
    const target = hit.item.target;
    if (target.kind === 'building') {
      s.select(selectionFromEntry(target.entry));
      const f = flyTargetForEntry(target.entry);
      s.flyToTarget(f.target, f.radiusM);
    } else if (target.kind === 'viewpoint') s.flyToViewpoint(target.viewpointId);
    else s.flyToTarget([target.x, target.y, target.z], target.radiusM);
    setQuery('');
    setOpen(false);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!hits.length) return;
      e.preventDefault();
      setOpen(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (a + step + hits.length) % hits.length);
    } else if (e.key === 'Enter') {
      const hit = hits[active];
      if (expanded && hit) {
        e.preventDefault();
        choose(hit);
      }
    } else if (e.key === 'Escape') {
      if (query || open) {
        // Handled here, so the attribute panel underneath stays open.
        e.preventDefault();
        e.stopPropagation();
        setQuery('');
        setOpen(false);
      }
    }
  };

  const name = (h: PlaceHit) => {
    const zh = h.item.name;
    const en = h.item.nameEn;
    const p = lang === 'zh' ? { primary: zh || en, secondary: zh ? en : '' } : { primary: en || zh, secondary: en ? zh : '' };
    // Found by its id: show the id, so the user sees why it matched.
    return h.matched === 'id' ? { primary: p.primary || h.item.id, secondary: h.item.id } : p;
  };

  let message = '';
  if (expanded) {
    // Viewpoint hits are shown while the index loads or after it failed; the status says what is missing.
    if (indexState.status === 'loading' || indexState.status === 'idle') message = t('search.loading');
    else if (indexState.status === 'error') message = t('search.failed', { message: indexState.message });
    else if (!hits.length) message = t('search.noResults');
  }

  return (
    <div className="st-search">
      <label htmlFor={inputId} className="st-visually-hidden">
        {t('search.label')}
      </label>
      <input
        id={inputId}
        className="st-input st-search__input"
        type="search"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        placeholder={t('search.placeholder')}
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && hits[active] ? `${listId}-${active}` : undefined}
        value={query}
        onFocus={() => {
          ensureIndex(true);
          setOpen(true);
        }}
        onChange={(e) => {
          ensureIndex(false);
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label={t('search.results')} className="st-search__list st-panel" hidden={!expanded}>
        {expanded &&
          hits.map((h, i) => {
            const n = name(h);
            const entry = h.item.target.kind === 'building' ? h.item.target.entry : null;
            return (
              <li
                key={`${h.item.kind}:${h.item.id}`}
                data-kind={h.item.kind}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className="st-search__option"
                // mousedown, not click: it fires before the input's blur closes the list.
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(h);
                }}
                onMouseEnter={() => setActive(i)}
              >
                <span className="st-search__name">{n.primary}</span>
                {n.secondary && (
                  <span className="st-search__alt" lang={HTML_LANG[lang === 'zh' ? 'en' : 'zh']}>
                    {n.secondary}
                  </span>
                )}
                <span className="st-search__meta">
                  {entry ? formatHeightM(entry.heightM, HTML_LANG[lang]) : <span className="st-badge st-badge--small">{t(`search.kind.${h.item.kind}`)}</span>}
                  {entry?.source === 'generated' && (
                    <span className="st-badge st-badge--generated st-badge--small">{t('search.generated')}</span>
                  )}
                </span>
              </li>
            );
          })}
      </ul>
      <div className="st-search__status" role="status" aria-live="polite">
        {message || (expanded && hits.length ? t('search.count', { n: hits.length }) : '')}
      </div>
    </div>
  );
}
