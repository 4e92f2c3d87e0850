/**
 * The zone's imagery on the globe: watches the Natural Earth II base layer the widget was made
 * with, and adds the scene's deployment base map (XYZ or WMTS) on top of it for as long as the
 * zone is shown. A map that cannot be read (offline, a bad key) is reported once, not per tile,
 * and Natural Earth stays visible underneath, so the globe never goes blank.
 */
import type { CesiumWidget, ImageryLayer } from 'cesium';
import type { Scene } from '../../scene/schema';
import type { AppStore } from '../../state/store';
import type { CesiumModule } from './loadCesium';
import { baseMapSpec, datumProblem, NATURAL_EARTH_PATH, redactedUrl } from './baseMapModel';

export interface BaseLayerStatus {
  name: string;
  ready: boolean;
  failed: boolean;
}

function watchLayer(layer: ImageryLayer, status: BaseLayerStatus, report: (message: string) => void): () => void {
  let reported = false;
  let disposed = false;
  const fail = (e: unknown) => {
    status.failed = true;
    if (reported || disposed) return;
    reported = true;
    report(e instanceof Error ? e.message : typeof e === 'string' && e ? e : 'imagery could not be read');
  };
  const offs: (() => void)[] = [];
  // Tile errors come from the provider, which a layer made from a promise only has once it is ready.
  const watchProvider = () => {
    status.ready = true;
    const provider = layer.imageryProvider as { errorEvent?: { addEventListener(f: (e: { message?: string }) => void): () => void } } | undefined;
    if (provider?.errorEvent && !disposed) offs.push(provider.errorEvent.addEventListener((err) => fail(err.message)));
  };
  if (layer.ready) watchProvider();
  else offs.push(layer.readyEvent.addEventListener(watchProvider));
  offs.push(layer.errorEvent.addEventListener(fail));
  return () => {
    disposed = true;
    offs.forEach((off) => off());
  };
}

export function attachGlobeBaseMap(
  Cesium: CesiumModule,
  widget: CesiumWidget,
  scene: Scene,
  store: AppStore,
  layers: BaseLayerStatus[],
): () => void {
  const report = (source: string) => (message: string) => store.getState().reportError('tileset', source, `base map: ${message}`);
  const offs: (() => void)[] = [];
  layers.length = 0;

  const naturalEarth = widget.imageryLayers.length > 0 ? widget.imageryLayers.get(0) : null;
  if (naturalEarth) {
    const status: BaseLayerStatus = { name: 'natural-earth-ii', ready: false, failed: false };
    layers.push(status);
    offs.push(watchLayer(naturalEarth, status, report(`cesium/${NATURAL_EARTH_PATH}`)));
  }

  let added: ImageryLayer | null = null;
  const m = scene.baseMap;
  if (m) {
    const source = redactedUrl(m.url);
    const problem = datumProblem(m);
    if (problem) store.getState().reportError('scene', `${scene.id}.baseMap`, problem);
    const spec = baseMapSpec(m);
    const tilingScheme = spec.tilingScheme === 'geographic' ? new Cesium.GeographicTilingScheme() : new Cesium.WebMercatorTilingScheme();
    const credit = new Cesium.Credit(m.attribution.url ? `<a href="${encodeURI(m.attribution.url)}" target="_blank" rel="noopener">${escapeHtml(m.attribution.text)}</a>` : escapeHtml(m.attribution.text), true);
    const provider =
      spec.provider === 'urlTemplate'
        ? new Cesium.UrlTemplateImageryProvider({ ...spec.options, tilingScheme, credit })
        : new Cesium.WebMapTileServiceImageryProvider({ ...spec.options, tilingScheme, credit });
    added = widget.imageryLayers.addImageryProvider(provider);
    const status: BaseLayerStatus = { name: `${m.kind}:${source}`, ready: false, failed: false };
    layers.push(status);
    offs.push(watchLayer(added, status, report(source)));
  }
  widget.scene.requestRender();

  return () => {
    offs.forEach((off) => off());
    if (added && !widget.isDestroyed()) widget.imageryLayers.remove(added, true);
    layers.length = 0;
  };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
