/**
 * Hover and click picking of buildings. Hover raycasts at most every HOVER_PICK_INTERVAL_MS,
 * only for a mouse that actually moved with no button held (so never during a camera drag);
 * a click is a press released close to where it started, so drags never select. The hit
 * face's feature id and the tile's property table give the building id and attributes.
 */
import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import { Raycaster, Vector2, type Intersection } from 'three';
import { useAppStoreApi } from '../../state/hooks';
import type { BuildingSelection } from '../../state/selectionSlice';
import { threeToEnu } from '../../views/three/enuThree';
import { useTilesRenderer } from '../../views/three/ZoneContext';
import { featureIdAtFace, featureProperties } from './featureMetadata';
import { buildingIdOf, CLICK_MAX_MS, CLICK_SLOP_PX, HOVER_PICK_INTERVAL_MS } from './model';

const raycaster = new Raycaster();
const ndc = new Vector2();
const hits: Intersection[] = [];

export function BuildingsPicking({ tilesetId }: { tilesetId: string }) {
  const tiles = useTilesRenderer(tilesetId);
  const store = useAppStoreApi();
  const gl = useThree((s) => s.gl);
  const get = useThree((s) => s.get);

  useEffect(() => {
    if (!tiles) return;
    const el = gl.domElement;

    const pick = (clientX: number, clientY: number): BuildingSelection | null => {
      if (!tiles.group.visible) return null;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) return null;
      ndc.set(((clientX - rect.left) / rect.width) * 2 - 1, -((clientY - rect.top) / rect.height) * 2 + 1);
      raycaster.setFromCamera(ndc, get().camera);
      hits.length = 0;
      raycaster.intersectObject(tiles.group, true, hits);
      hits.sort((a, b) => a.distance - b.distance);
      for (const hit of hits) {
        if (hit.faceIndex === undefined || hit.faceIndex === null || !hit.object.visible) continue;
        const featureId = featureIdAtFace(hit.object, hit.faceIndex);
        if (featureId === null) continue;
        const properties = featureProperties(hit.object, featureId);
        const id = properties ? buildingIdOf(properties) : null;
        if (!properties || !id) continue;
        return { id, properties, point: threeToEnu(hit.point.x, hit.point.y, hit.point.z) };
      }
      return null;
    };

    let hoverTimer: ReturnType<typeof setTimeout> | null = null;
    let lastX = Number.NaN;
    let lastY = Number.NaN;
    let down: { x: number; y: number; t: number; id: number } | null = null;

    const hoverNow = () => {
      hoverTimer = null;
      store.getState().setHovered(pick(lastX, lastY)?.id ?? null);
    };
    const onMove = (e: PointerEvent) => {
      if (e.pointerType !== 'mouse') return;
      if (e.buttons !== 0) {
        if (hoverTimer) clearTimeout(hoverTimer);
        hoverTimer = null;
        return;
      }
      if (e.clientX === lastX && e.clientY === lastY) return;
      lastX = e.clientX;
      lastY = e.clientY;
      if (!hoverTimer) hoverTimer = setTimeout(hoverNow, HOVER_PICK_INTERVAL_MS);
    };
    const onDown = (e: PointerEvent) => {
      down = e.isPrimary ? { x: e.clientX, y: e.clientY, t: e.timeStamp, id: e.pointerId } : null;
    };
    const onUp = (e: PointerEvent) => {
      const d = down;
      down = null;
      if (!d || d.id !== e.pointerId || e.button !== 0) return;
      if (Math.hypot(e.clientX - d.x, e.clientY - d.y) > CLICK_SLOP_PX || e.timeStamp - d.t > CLICK_MAX_MS) return;
      store.getState().select(pick(e.clientX, e.clientY));
    };
    const onLeave = () => {
      if (hoverTimer) clearTimeout(hoverTimer);
      hoverTimer = null;
      lastX = lastY = Number.NaN;
      store.getState().setHovered(null);
    };

    el.addEventListener('pointermove', onMove);
    el.addEventListener('pointerdown', onDown);
    el.addEventListener('pointerup', onUp);
    el.addEventListener('pointerleave', onLeave);
    return () => {
      el.removeEventListener('pointermove', onMove);
      el.removeEventListener('pointerdown', onDown);
      el.removeEventListener('pointerup', onUp);
      el.removeEventListener('pointerleave', onLeave);
      if (hoverTimer) clearTimeout(hoverTimer);
    };
  }, [tiles, store, gl, get]);

  return null;
}
