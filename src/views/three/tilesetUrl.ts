/** Tileset URLs in a scene are relative to the app's base URL ("./" in a built app). */
export function resolveTilesetUrl(url: string, baseUrl: string, documentHref: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  const base = new URL(baseUrl, documentHref);
  return new URL(url.replace(/^\/+/, ''), base).href;
}

/** Lower-case extension of a URL's last path segment ("json", "glb"), ignoring query and fragment; '' if none. */
export function urlExtension(url: string): string {
  const path = url.replace(/[?#].*$/, '');
  const last = path.slice(path.lastIndexOf('/') + 1);
  const dot = last.lastIndexOf('.');
  return dot > 0 ? last.slice(dot + 1).toLowerCase() : '';
}
