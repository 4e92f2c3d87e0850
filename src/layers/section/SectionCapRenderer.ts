/**
 * Caps the cut faces so cut buildings read as solid, with the stencil technique, inside the
 * scene's own render: an empty mesh drawn last among the opaque objects runs the cap passes from
 * its onAfterRender, so every gl.render of the scene gets them (the normal frame, each pane of a
 * swipe or side-by-side comparison under its scissor, the report's state screenshots), after the
 * city and before the transparent overlays, which then depth-test against the caps.
 *
 * For each plane whose cut side faces the camera:
 * 1. Stencil: the capped roots (building tiles, scheme tiles, imported schemes) are drawn with an
 *    override material, colour and depth off, clipped to the camera's side of the plane only:
 *    front faces increment, back faces decrement. A pixel then counts the surfaces the ray
 *    enters minus those it leaves between the camera and the plane: non-zero exactly where the
 *    plane passes inside a solid. Counting in front of the plane (not behind it) matters here:
 *    tiles have no floor faces, and a ray from a camera above the ground to a cut above the
 *    ground never crosses a building's open bottom.
 * 2. Cap: a quad on the plane, trimmed by the other planes and the floor, drawn where the stencil
 *    is non-zero, depth-tested against the city; then the stencil is cleared for the next plane.
 * Then the renderer's own planes are put back with an empty render, because nested renders
 * leave the clipping state of the last one behind for the rest of the outer render.
 *
 * Cost, only while a section is active and only for planes that face the camera (at most 3 of a
 * box seen from outside, the one of a plane): per capped plane two extra passes over the capped
 * tiles' geometry (no colour, no depth, so vertex-bound), one quad and a stencil clear; per pane.
 * Nothing is allocated per frame. Needs a stencil buffer (`gl={{ stencil: true }}` on the Canvas);
 * without one the caps stay off and the stats say `capped: false`.
 *
 * Not capped: ground tiles (open surfaces would fool the count), overlays, and anything inside
 * which the camera itself stands (its count is off by one there).
 */
import {
  AlwaysStencilFunc,
  BackSide,
  BufferAttribute,
  BufferGeometry,
  DecrementWrapStencilOp,
  DoubleSide,
  FrontSide,
  IncrementWrapStencilOp,
  KeepStencilOp,
  Mesh,
  MeshBasicMaterial,
  NotEqualStencilFunc,
  PlaneGeometry,
  Scene,
  type Camera,
  type Object3D,
  type WebGLRenderer,
} from 'three';
import { capFacesCamera, writeCapMatrix } from './model';
import type { SectionController } from './SectionController';

/** Last among opaque objects: the caps follow the city and precede the transparent overlays. */
export const CAP_TRIGGER_RENDER_ORDER = 1_000_000;

function stencilMaterial(side: typeof FrontSide | typeof BackSide, op: typeof IncrementWrapStencilOp | typeof DecrementWrapStencilOp): MeshBasicMaterial {
  return new MeshBasicMaterial({
    side,
    colorWrite: false,
    depthWrite: false,
    depthTest: false,
    stencilWrite: true,
    stencilFunc: AlwaysStencilFunc,
    stencilFail: op,
    stencilZFail: op,
    stencilZPass: op,
  });
}

export class SectionCapRenderer {
  /** Mount this in the scene (at its top level, not inside a group with a render order). */
  readonly trigger: Mesh;
  private readonly roots: Object3D[] = [];
  private readonly stencilScene = new Scene();
  private readonly capScene = new Scene();
  private readonly emptyScene = new Scene();
  private readonly front = stencilMaterial(FrontSide, IncrementWrapStencilOp);
  private readonly back = stencilMaterial(BackSide, DecrementWrapStencilOp);
  private readonly capMaterial: MeshBasicMaterial;
  private readonly capMesh: Mesh;
  private readonly cam: [number, number, number] = [0, 0, 0];
  private readonly normal: [number, number, number] = [0, 0, 0];
  private stencil = false;

  constructor(private readonly controller: SectionController, color: string) {
    // Three points, none drawn: the mesh only has to be in the opaque list to get its callback.
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(new Float32Array(9), 3));
    g.setDrawRange(0, 0);
    const m = new MeshBasicMaterial({ colorWrite: false, depthWrite: false, depthTest: false });
    this.trigger = new Mesh(g, m);
    this.trigger.name = 'section-caps';
    this.trigger.frustumCulled = false;
    this.trigger.renderOrder = CAP_TRIGGER_RENDER_ORDER;
    this.trigger.onAfterRender = (renderer, scene, camera) => this.render(renderer, scene, camera);

    // The roots stay where they are in the scene; three's render only walks `children`, and
    // their world matrices were just updated by the render that calls this.
    this.stencilScene.children = this.roots;
    this.stencilScene.matrixWorldAutoUpdate = false;
    this.capScene.matrixWorldAutoUpdate = false;
    this.emptyScene.matrixWorldAutoUpdate = false;

    this.capMaterial = new MeshBasicMaterial({
      color,
      side: DoubleSide,
      stencilWrite: true,
      stencilRef: 0,
      stencilFunc: NotEqualStencilFunc,
      stencilFail: KeepStencilOp,
      stencilZFail: KeepStencilOp,
      stencilZPass: KeepStencilOp,
    });
    this.capMesh = new Mesh(new PlaneGeometry(1, 1), this.capMaterial);
    this.capMesh.matrixAutoUpdate = false;
    this.capMesh.frustumCulled = false;
    this.capScene.add(this.capMesh);
  }

  /** Whether the renderer's canvas has a stencil buffer; caps are drawn only if so. */
  attach(gl: WebGLRenderer): boolean {
    this.stencil = gl.getContext().getContextAttributes()?.stencil === true;
    return this.stencil;
  }

  setColor(color: string): void {
    this.capMaterial.color.set(color);
  }

  /** What gets capped; called when tilesets or schemes come and go, never per frame. */
  setRoots(roots: Iterable<Object3D>): void {
    this.roots.length = 0;
    for (const r of roots) this.roots.push(r);
  }

  get rootCount(): number {
    return this.roots.length;
  }

  private faces(nx: number, ny: number, nz: number, constant: number): boolean {
    this.normal[0] = nx;
    this.normal[1] = ny;
    this.normal[2] = nz;
    return capFacesCamera(this.normal, constant, this.cam);
  }

  private render(gl: WebGLRenderer, scene: Scene, camera: Camera): void {
    const c = this.controller;
    const section = c.section;
    c.cappedLastPass = 0;
    if (!section || !this.stencil || this.roots.length === 0) return;
    // Only on the canvas, whose stencil buffer was checked: a render target (three's transmission
    // pass, a future screenshot target) may have none, and there the cap test would pass everywhere.
    if (gl.getRenderTarget() !== null) return;
    const e = camera.matrixWorld.elements;
    this.cam[0] = e[12]!;
    this.cam[1] = e[13]!;
    this.cam[2] = e[14]!;
    const planes = c.planes;
    let facing = false;
    for (const p of planes) if (this.faces(p.normal.x, p.normal.y, p.normal.z, p.constant)) facing = true;
    if (!facing) return;

    const saved = gl.clippingPlanes;
    const autoClear = gl.autoClear;
    const autoReset = gl.info.autoReset;
    gl.autoClear = false;
    // The frame's draw-call counters keep counting through the nested renders.
    gl.info.autoReset = false;
    this.capScene.fog = scene.fog;
    let n = 0;
    try {
      for (let i = 0; i < planes.length; i++) {
        const p = planes[i]!;
        if (!this.faces(p.normal.x, p.normal.y, p.normal.z, p.constant)) continue;
        gl.clippingPlanes = c.flipped[i]!;
        this.stencilScene.overrideMaterial = this.front;
        gl.render(this.stencilScene, camera);
        this.stencilScene.overrideMaterial = this.back;
        gl.render(this.stencilScene, camera);
        writeCapMatrix(section, i, this.cam, this.capMesh.matrix.elements);
        this.capMesh.matrixWorld.copy(this.capMesh.matrix);
        gl.clippingPlanes = c.capClips[i]!;
        gl.render(this.capScene, camera);
        gl.clearStencil();
        n++;
      }
    } finally {
      gl.clippingPlanes = saved;
      gl.render(this.emptyScene, camera);
      gl.autoClear = autoClear;
      gl.info.autoReset = autoReset;
    }
    c.cappedLastPass = n;
  }

  dispose(): void {
    this.trigger.geometry.dispose();
    (this.trigger.material as MeshBasicMaterial).dispose();
    this.front.dispose();
    this.back.dispose();
    this.capMaterial.dispose();
    this.capMesh.geometry.dispose();
    this.roots.length = 0;
  }
}
