/**
 * The selected building on the globe: a style on the buildings tilesets that tints the feature
 * whose `id` property is the selection, in the same colour and strength as the three.js view.
 * Pure, so the expression (which is code Cesium evaluates) is tested; ids come from tile metadata
 * and URLs, so only the id alphabet the tiler writes is let into it.
 */
import { HIGHLIGHT_SELECT_COLOR } from '../../layers/buildings/model';

const SAFE_ID = /^[A-Za-z0-9:/._-]{1,200}$/;

export function selectionColorHex(): string {
  return `#${HIGHLIGHT_SELECT_COLOR.toString(16).padStart(6, '0')}`;
}

/**
 * `color` conditions of a Cesium3DTileStyle for the selected id, or null for no highlight. A
 * feature coloured white is drawn unblended (Cesium3DTileColorBlendMode), so the rest is untouched.
 */
export function selectionColorConditions(id: string | null): [string, string][] | null {
  if (id === null || !SAFE_ID.test(id)) return null;
  return [
    [`\${id} === '${id}'`, `color('${selectionColorHex()}')`],
    ['true', "color('white')"],
  ];
}
