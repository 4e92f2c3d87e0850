/** Click-to-select on the globe, feeding the store's selection like the three.js view does. */
import type { CesiumWidget } from 'cesium';
import type { EnuFrame } from '../../core/geodesy';
import type { AppStore } from '../../state/store';
import type { CesiumModule } from './loadCesium';
import { pickBuilding } from './globePick';

export function attachGlobePicking(
  Cesium: CesiumModule,
  widget: CesiumWidget,
  frame: EnuFrame,
  store: AppStore,
): () => void {
  const handler = new Cesium.ScreenSpaceEventHandler(widget.canvas);
  handler.setInputAction((click: { position: { x: number; y: number } }) => {
    const sel = pickBuilding(Cesium, widget.scene, frame, click.position.x, click.position.y);
    // A click on empty ground clears the selection, as it does in the three.js view.
    store.getState().select(sel);
  }, Cesium.ScreenSpaceEventType.LEFT_CLICK);
  return () => {
    if (!handler.isDestroyed()) handler.destroy();
  };
}
