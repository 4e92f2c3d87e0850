/**
 * Stable GeoJSON text for committed source files: one feature per line (readable diffs) and
 * coordinates rounded to 7 decimals (OSM's own precision, about 1 cm).
 */
export interface Feature {
  type: 'Feature';
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown };
}

function roundCoords(c: unknown): unknown {
  if (typeof c === 'number') return Math.round(c * 1e7) / 1e7;
  if (Array.isArray(c)) return c.map(roundCoords);
  return c;
}

export function featureCollectionText(features: readonly Feature[], meta: Record<string, unknown> = {}): string {
  const head = Object.entries(meta).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)},\n`).join('');
  const body = features
    .map((f) => JSON.stringify({ type: 'Feature', properties: f.properties, geometry: { type: f.geometry.type, coordinates: roundCoords(f.geometry.coordinates) } }))
    .join(',\n');
  return `{\n"type": "FeatureCollection",\n${head}"features": [\n${body}\n]\n}\n`;
}
