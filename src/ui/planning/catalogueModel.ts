/**
 * The rows of the 规划一张图 catalogue, built from the scene and the zone's schemes, and the
 * search filter over them. Pure, so the tree's grouping and filtering are testable without a DOM.
 * Names carry both languages because the search matches either, whatever the UI language.
 */
import { CONTROL_LINE_KINDS } from '../../analysis/planning/colors';
import type { Bilingual, ControlLineKind, Scheme, SchemeSource } from '../../analysis/planning/types';
import { LIVE_LAYER_IDS, LIVE_LAYER_KEYS, type LiveLayerKey } from '../../layers/live/layerIds';
import { CONTROL_LINE_LAYER, type PlanningLayerId } from '../../layers/planning/layerIds';
import type { Scene } from '../../scene/schema';
import { EXISTING_STATE } from '../../state/planningSlice';

export type CatalogueGroupId = 'existing' | 'planning' | 'live' | 'thematic';
export const CATALOGUE_GROUPS: readonly CatalogueGroupId[] = ['existing', 'planning', 'live', 'thematic'];

/** Planning overlay ids are the 3D layers' own (layers/planning/layerIds); these two are the catalogue's. */
const PLOTS_LAYER_ID: PlanningLayerId = 'plots';
const DIFF_LAYER_ID: PlanningLayerId = 'diff';
/** Opacity key of the heatmap (its visibility is the heatmap mode, not a checkbox). */
export const HEATMAP_LAYER_ID = 'heatmap';
const SCHEMES_ROW_ID = 'schemes';

export type LegendKind = 'landuse' | 'line' | 'live' | 'diff' | 'heatmap' | 'none';

interface RowBase {
  /** Unique within the catalogue; for layers also the visibility and opacity key. */
  id: string;
  name: Bilingual;
  /** Nested under this row (ground sub-layers under the ground, schemes under 方案). */
  parentId?: string;
}

export interface LayerRowModel extends RowBase {
  kind: 'layer';
  legend: LegendKind;
  swatch?: string;
  lineKind?: ControlLineKind;
  liveKey?: LiveLayerKey;
  /** False where the 3D layer has no opacity (the live layers): no slider is offered. */
  opacity?: boolean;
}

export interface HeadingRowModel extends RowBase {
  kind: 'heading';
}

export interface SchemeRowModel extends RowBase {
  kind: 'scheme';
  stateId: string;
  siteId: string | null;
  source: SchemeSource | 'existing';
}

export interface HeatmapRowModel extends RowBase {
  kind: 'heatmap';
}

export type CatalogueRow = LayerRowModel | HeadingRowModel | SchemeRowModel | HeatmapRowModel;

export interface CatalogueGroup {
  id: CatalogueGroupId;
  rows: CatalogueRow[];
}

/** Looks a dictionary key up in both languages. */
export type BilingualT = (key: string) => Bilingual;

export function catalogueGroups(scene: Scene, schemes: readonly Scheme[], tt: BilingualT): CatalogueGroup[] {
  const ground = scene.tilesets.find((ts) => ts.kind === 'ground');
  const existing: CatalogueRow[] = scene.tilesets.map((ts) => ({
    kind: 'layer',
    id: ts.id,
    name: ts.name,
    legend: ts.kind === 'buildings' ? 'landuse' : 'none',
  }));
  for (const g of scene.groundLayers) {
    existing.push({
      kind: 'layer',
      id: g.id,
      name: g.name,
      legend: g.id === 'landuse' ? 'landuse' : 'none',
      swatch: g.color,
      ...(ground ? { parentId: ground.id } : {}),
    });
  }

  const planning: CatalogueRow[] = [
    { kind: 'layer', id: PLOTS_LAYER_ID, name: tt('planning.catalogue.layers.plots'), legend: 'landuse' },
    ...CONTROL_LINE_KINDS.map((k): LayerRowModel => ({
      kind: 'layer',
      id: CONTROL_LINE_LAYER[k],
      name: tt(`planning.catalogue.layers.${CONTROL_LINE_LAYER[k]}`),
      legend: 'line',
      lineKind: k,
    })),
    { kind: 'heading', id: SCHEMES_ROW_ID, name: tt('planning.catalogue.schemes') },
    {
      kind: 'scheme',
      id: `scheme:${EXISTING_STATE}`,
      stateId: EXISTING_STATE,
      siteId: null,
      source: 'existing',
      name: tt('planning.existing'),
      parentId: SCHEMES_ROW_ID,
    },
    ...schemes.map((s): SchemeRowModel => ({
      kind: 'scheme',
      id: `scheme:${s.id}`,
      stateId: s.id,
      siteId: s.siteId,
      source: s.source,
      name: s.name,
      parentId: SCHEMES_ROW_ID,
    })),
  ];

  const live: CatalogueRow[] = LIVE_LAYER_KEYS.map((k) => ({
    kind: 'layer',
    id: LIVE_LAYER_IDS[k],
    name: tt(`live.layers.${k}`),
    legend: 'live',
    liveKey: k,
    opacity: false,
  }));

  const thematic: CatalogueRow[] = [
    { kind: 'heatmap', id: HEATMAP_LAYER_ID, name: tt('planning.catalogue.layers.heatmap') },
    { kind: 'layer', id: DIFF_LAYER_ID, name: tt('planning.catalogue.layers.diff'), legend: 'diff' },
  ];

  return [
    { id: 'existing', rows: existing },
    { id: 'planning', rows: planning },
    { id: 'live', rows: live },
    { id: 'thematic', rows: thematic },
  ];
}

const matches = (name: Bilingual, q: string): boolean =>
  name.zh.toLowerCase().includes(q) || name.en.toLowerCase().includes(q);

/**
 * Rows whose zh or en name contains the query (case-insensitive). A match keeps its parent row,
 * so a sub-layer is never shown out of context; a matching parent keeps all its children.
 * Groups without any match are dropped; an empty query keeps everything.
 */
export function filterGroups(groups: readonly CatalogueGroup[], query: string): CatalogueGroup[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [...groups];
  const out: CatalogueGroup[] = [];
  for (const g of groups) {
    const hit = new Set(g.rows.filter((r) => matches(r.name, q)).map((r) => r.id));
    const keep = g.rows.filter(
      (r) =>
        hit.has(r.id) ||
        (r.parentId !== undefined && hit.has(r.parentId)) ||
        g.rows.some((c) => c.parentId === r.id && hit.has(c.id)),
    );
    if (keep.length > 0) out.push({ id: g.id, rows: keep });
  }
  return out;
}
