/**
 * The heatmap's GPU side: a translucent ground plane with a data texture, rebuilt only when the
 * grid's extent changes (a catalogue change), otherwise re-filled in place. Owned by HeatmapLayer,
 * which creates it in an effect and disposes it in that effect's cleanup.
 */
import { DataTexture, LinearFilter, Mesh, MeshBasicMaterial, PlaneGeometry, RGBAFormat, SRGBColorSpace, type Group } from 'three';
import type { LiveRegistry } from '../live/LiveRegistry';
import { renderHeatmap, type HeatGrid, type HeatPoint, type HeatScale } from './model';

export const HEATMAP_UP_M = 0.75;

function sameGrid(a: HeatGrid | null, b: HeatGrid): boolean {
  return !!a && a.width === b.width && a.height === b.height && a.minX === b.minX && a.minY === b.minY && a.maxX === b.maxX && a.maxY === b.maxY;
}

export class HeatmapSurface {
  private mesh: Mesh<PlaneGeometry, MeshBasicMaterial> | null = null;
  private texture: DataTexture | null = null;
  private data = new Uint8Array(0);
  private grid: HeatGrid | null = null;
  private unregister: (() => void) | null = null;

  constructor(private readonly group: Group, private readonly registry: LiveRegistry) {}

  update(points: readonly HeatPoint[], grid: HeatGrid, scale: HeatScale, radiusM: number, maxAlpha: number): void {
    if (!sameGrid(this.grid, grid) || !this.mesh || !this.texture) this.build(grid);
    renderHeatmap(points, grid, scale, radiusM, maxAlpha, this.data);
    this.texture!.needsUpdate = true;
    this.mesh!.visible = true;
  }

  hide(): void {
    if (this.mesh) this.mesh.visible = false;
  }

  dispose(): void {
    this.unregister?.();
    this.unregister = null;
    if (this.mesh) {
      this.group.remove(this.mesh);
      this.mesh.geometry.dispose();
      this.mesh.material.dispose();
    }
    this.texture?.dispose();
    this.mesh = null;
    this.texture = null;
    this.grid = null;
  }

  /** The catalogue's layer opacity, 0..1, applied over the surface's own alpha. */
  setOpacity(opacity: number): void {
    this.opacity = Number.isFinite(opacity) ? Math.min(1, Math.max(0, opacity)) : 1;
    if (this.mesh) this.mesh.material.opacity = this.opacity;
  }

  private opacity = 1;

  private build(grid: HeatGrid): void {
    this.dispose();
    this.data = new Uint8Array(grid.width * grid.height * 4);
    const texture = new DataTexture(this.data, grid.width, grid.height, RGBAFormat);
    texture.magFilter = LinearFilter;
    texture.minFilter = LinearFilter;
    texture.colorSpace = SRGBColorSpace;
    const geometry = new PlaneGeometry(grid.maxX - grid.minX, grid.maxY - grid.minY).rotateX(-Math.PI / 2);
    const material = new MeshBasicMaterial({ map: texture, transparent: true, depthWrite: false, opacity: this.opacity });
    const mesh = new Mesh(geometry, material);
    mesh.name = 'heatmap';
    mesh.position.set((grid.minX + grid.maxX) / 2, HEATMAP_UP_M, -(grid.minY + grid.maxY) / 2);
    mesh.renderOrder = 1;
    mesh.frustumCulled = false;
    this.group.add(mesh);
    this.unregister = this.registry.addMesh(mesh);
    this.mesh = mesh;
    this.texture = texture;
    this.grid = grid;
  }
}
