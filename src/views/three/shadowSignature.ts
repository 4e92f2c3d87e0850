/**
 * What the sun's shadow map depends on, written out as a list of numbers so two frames can be
 * compared exactly (no hash, so no collisions). three.js re-renders every shadow map on every
 * render call by default: the whole city drawn a second time into a 2048² depth map, each frame,
 * even when nothing that casts a shadow has moved. ShadowCache renders it only when this
 * signature changes.
 *
 * It covers what three's shadow pass reads (WebGLShadowMap.render / renderObject): every visible
 * shadow-casting light (world matrix, its target's, the shadow camera's projection, bias, map
 * size), and every visible mesh, line or point set that casts (world matrix, layers, geometry and
 * the identity and version of its index and position attribute, draw range, instance count and
 * matrices, material identity, version, side and clipping), plus the renderer's global clipping
 * planes. A change to any of them, a tile appearing or hiding, a scheme's index swap, a section
 * plane, the sun moving, is a different signature. Only visibility is followed through the graph
 * (three's shadow pass skips invisible subtrees the same way), so hidden tiles cost nothing.
 */
import type { BufferAttribute, InterleavedBufferAttribute, Material, Object3D, Plane } from 'three';

type AttributeLike = BufferAttribute | InterleavedBufferAttribute;

interface CasterLike extends Object3D {
  isMesh?: boolean;
  isLine?: boolean;
  isPoints?: boolean;
  isInstancedMesh?: boolean;
  geometry?: {
    id: number;
    index: AttributeLike | null;
    attributes: Record<string, AttributeLike | undefined>;
    drawRange: { start: number; count: number };
  };
  material?: Material | Material[];
  count?: number;
  instanceMatrix?: { version: number };
  customDepthMaterial?: Material;
}

interface LightLike extends Object3D {
  isLight?: boolean;
  target?: Object3D;
  shadow?: {
    camera: { projectionMatrix: { elements: ArrayLike<number> } };
    bias: number;
    normalBias: number;
    radius: number;
    mapSize: { x: number; y: number };
  };
}

/** The renderer state the shadow pass reads besides the scene. */
export interface ShadowRendererState {
  clippingPlanes: readonly Plane[];
  localClippingEnabled: boolean;
}

export class ShadowSignature {
  private prev = new Float64Array(4096);
  private cur = new Float64Array(4096);
  private n = 0;
  private prevN = -1;
  private changed = false;
  /** Attributes and planes have no id of their own: numbered on first sight. */
  private readonly serials = new WeakMap<object, number>();
  private nextSerial = 1;

  /** Forget the last signature: the next `update` reports a change (context restored, reset). */
  reset(): void {
    this.prevN = -1;
  }

  /**
   * Writes the scene's signature and reports whether it differs from the previous call's. The
   * first call always differs.
   */
  update(scene: Object3D, renderer: ShadowRendererState): boolean {
    this.n = 0;
    this.changed = this.prevN < 0;
    this.push(renderer.localClippingEnabled ? 1 : 0);
    this.pushPlanes(renderer.clippingPlanes);
    this.visit(scene);
    if (this.n !== this.prevN) this.changed = true;
    const changed = this.changed;
    [this.prev, this.cur] = [this.cur, this.prev];
    this.prevN = this.n;
    return changed;
  }

  /** Numbers written by the last update (for diagnostics and tests). */
  get length(): number {
    return this.prevN < 0 ? 0 : this.prevN;
  }

  private visit(o: Object3D): void {
    if (!o.visible) return;
    const light = o as LightLike;
    if (light.isLight && light.castShadow && light.shadow) this.pushLight(light);
    const c = o as CasterLike;
    if ((c.isMesh || c.isLine || c.isPoints) && c.castShadow && c.geometry) this.pushCaster(c);
    const children = o.children;
    for (let i = 0; i < children.length; i++) this.visit(children[i]!);
  }

  private pushLight(l: LightLike): void {
    const s = l.shadow!;
    this.push(-1);
    this.push(l.id);
    this.pushArray(l.matrixWorld.elements);
    if (l.target) this.pushArray(l.target.matrixWorld.elements);
    this.pushArray(s.camera.projectionMatrix.elements);
    this.push(s.bias);
    this.push(s.normalBias);
    this.push(s.radius);
    this.push(s.mapSize.x);
    this.push(s.mapSize.y);
  }

  private pushCaster(c: CasterLike): void {
    const g = c.geometry!;
    this.push(-2);
    this.push(c.id);
    this.push(c.layers.mask);
    this.push(c.frustumCulled ? 1 : 0);
    this.push(g.id);
    this.pushAttribute(g.index);
    this.pushAttribute(g.attributes.position);
    this.push(g.drawRange.start);
    this.push(g.drawRange.count);
    this.pushArray(c.matrixWorld.elements);
    if (c.isInstancedMesh) {
      this.push(c.count ?? 0);
      this.push(c.instanceMatrix?.version ?? 0);
    }
    const m = c.material;
    if (Array.isArray(m)) for (const x of m) this.pushMaterial(x);
    else if (m) this.pushMaterial(m);
    if (c.customDepthMaterial) this.pushMaterial(c.customDepthMaterial);
  }

  private pushMaterial(m: Material): void {
    this.push(m.id);
    this.push(m.version);
    this.push(m.visible ? 1 : 0);
    this.push(m.side);
    this.push(m.shadowSide ?? -1);
    this.push(m.alphaTest);
    this.push(m.clipShadows ? 1 : 0);
    this.push(m.clipIntersection ? 1 : 0);
    this.pushPlanes(m.clippingPlanes ?? []);
  }

  private pushAttribute(a: AttributeLike | null | undefined): void {
    if (!a) {
      this.push(0);
      this.push(0);
      return;
    }
    // An interleaved attribute's data changes through its buffer's version.
    const version = 'isInterleavedBufferAttribute' in a ? a.data.version : a.version;
    this.push(this.serial(a));
    this.push(version);
  }

  private pushPlanes(planes: readonly Plane[]): void {
    this.push(planes.length);
    for (const p of planes) {
      this.push(p.normal.x);
      this.push(p.normal.y);
      this.push(p.normal.z);
      this.push(p.constant);
    }
  }

  private serial(o: object): number {
    let s = this.serials.get(o);
    if (s === undefined) {
      s = this.nextSerial++;
      this.serials.set(o, s);
    }
    return s;
  }

  private pushArray(a: ArrayLike<number>): void {
    for (let i = 0; i < a.length; i++) this.push(a[i]!);
  }

  /** One number at a time, compared as it is written: no arrays allocated per frame. */
  private push(v: number): void {
    if (this.n === this.cur.length) this.grow();
    if (!this.changed && (this.n >= this.prevN || !Object.is(this.prev[this.n], v))) this.changed = true;
    this.cur[this.n++] = v;
  }

  private grow(): void {
    const size = this.cur.length * 2;
    const cur = new Float64Array(size);
    cur.set(this.cur);
    this.cur = cur;
    const prev = new Float64Array(size);
    prev.set(this.prev);
    this.prev = prev;
  }
}
