/**
 * Data files (scenes, tiles, indexes) are addressed relative to the app's base URL, so a built
 * app deployed under any sub-path still finds them.
 */
export function assetUrl(path: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return path;
  return import.meta.env.BASE_URL + path.replace(/^\/+/, '');
}
