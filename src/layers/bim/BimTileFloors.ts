/**
 * The CIM5 tiles of one buildings tileset, as they load and unload: patches their materials (once,
 * in place: the tile's materials are its own and the tile renderer disposes them) and drives them
 * from the tool's values. Calls happen when a tile loads or a value changes, never per frame.
 */
import type { BufferGeometry, Material, Object3D } from 'three';
import type { BimFloorUniformValues } from '../../analysis/bim/bimFloorsView';
import { buildingIdsOfMesh } from '../buildings/featureMetadata';
import { bimFloorStateOf, createBimFloorUniforms, installBimFloors, type BimFloorUniforms } from './bimFloorMaterial';
import { BIM_FLOOR_GEOMETRY_ATTRIBUTE, castsShadow, NO_BIM_FLOORS, sanitizeBimFloorValues, storeyHeightOf } from './model';

interface Drawable extends Object3D {
  geometry?: BufferGeometry;
  material?: Material | Material[];
}

interface TileEntry {
  /** The tile's building (a CIM5 tile holds exactly one), or null when its metadata is unreadable. */
  buildingId: string | null;
  objects: Drawable[];
  /** castShadow as the tile came, restored when the tool lets go. */
  castShadow: boolean[];
}

export class BimTileFloors {
  readonly uniforms: BimFloorUniforms = createBimFloorUniforms();
  /** Called after tiles come or go and after apply, e.g. to report whether the target is loaded. */
  onChange: (() => void) | null = null;
  private values: BimFloorUniformValues = NO_BIM_FLOORS;
  private readonly tiles = new Map<Object3D, TileEntry>();

  /** Patches the objects of a loaded tile that carry floors; false when it has none (not CIM5). */
  addScene(scene: Object3D): boolean {
    if (this.tiles.has(scene)) return true;
    const objects: Drawable[] = [];
    let buildingId: string | null = null;
    scene.traverse((o: Drawable) => {
      const material = o.material;
      const floors = o.geometry?.getAttribute(BIM_FLOOR_GEOMETRY_ATTRIBUTE);
      const position = o.geometry?.getAttribute('position');
      if (!floors || !position || !material || Array.isArray(material)) return;
      installBimFloors(material, this.uniforms).uShentwinBimStorey.value = storeyHeightOf(position, floors);
      objects.push(o);
      buildingId ??= buildingIdsOfMesh(o)[0]?.buildingId ?? null;
    });
    if (objects.length === 0) return false;
    const entry: TileEntry = { buildingId, objects, castShadow: objects.map((o) => o.castShadow) };
    this.tiles.set(scene, entry);
    this.applyTo(entry);
    this.onChange?.();
    return true;
  }

  removeScene(scene: Object3D): void {
    if (this.tiles.delete(scene)) this.onChange?.();
  }

  /** Sets the shared uniforms and which tile they act on. */
  apply(values: BimFloorUniformValues): void {
    const v = sanitizeBimFloorValues(values);
    this.values = v;
    this.uniforms.uShentwinBimIsolate.value = v.isolatedFloor;
    this.uniforms.uShentwinBimGhost.value = v.ghostOpacity;
    this.uniforms.uShentwinBimGap.value = v.explodeGapM;
    for (const entry of this.tiles.values()) this.applyTo(entry);
    this.onChange?.();
  }

  /** Whether the CIM5 tile of the building is loaded (it streams in only close to the building). */
  isLoaded(buildingId: string | null): boolean {
    if (buildingId === null) return false;
    for (const e of this.tiles.values()) if (e.buildingId === buildingId) return true;
    return false;
  }

  /** Lets go of every tile: they draw as built again (the patch stays, inactive). */
  clear(): void {
    this.apply(NO_BIM_FLOORS);
    this.tiles.clear();
    this.onChange?.();
  }

  private applyTo(entry: TileEntry): void {
    const isTarget = entry.buildingId !== null && entry.buildingId === this.values.buildingId;
    const shadows = castsShadow(this.values, isTarget);
    entry.objects.forEach((o, i) => {
      const state = bimFloorStateOf(o.material as Material);
      if (state) state.uShentwinBimActive.value = isTarget ? 1 : 0;
      o.castShadow = entry.castShadow[i]! && shadows;
    });
  }
}
