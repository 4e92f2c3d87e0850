/**
 * Which view is mounted right now ("<zone>:<engine>"), for the test hook's `ready`. Kept outside
 * the store: it changes nothing on screen, so no component should re-render for it.
 */
let mounted: string | null = null;

export function markViewMounted(key: string | null): void {
  mounted = key;
}

export function mountedView(): string | null {
  return mounted;
}
