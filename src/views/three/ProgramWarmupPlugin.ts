/**
 * Compiles a tile's shader programs while it is still being loaded, before it is drawn
 * (3d-tiles-renderer awaits `processTileModel`). Drawn cold, the first frame with tiles waited
 * 0.4 s on the main thread for the GPU process to link them (three's getUniforms asking for the
 * link status): about 0.2 s for the colour pass and as much for the sun's shadow pass. With
 * KHR_parallel_shader_compile, `compileAsync` starts the same compile and polls without blocking,
 * so the link overlaps other tiles' downloads and parses.
 *
 * The shadow pass draws casters with three's own depth material into a render target and with no
 * scene (so no fog); both are part of a program's identity (tone mapping, output colour space, a
 * fog flag) though the source is the same. So the warm-up compiles one depth material per face
 * side into a small target of its own with the scene's fog lifted for that call. A warm-up that
 * does not match what three later asks for costs a compile and nothing else: the frame compiles
 * what it needs (measured with a link-time log: one mismatched depth program cost 0.17 s).
 *
 * Only where the context has KHR_parallel_shader_compile (Chrome on a GPU). Without it (SwiftShader,
 * the browser tests) compileAsync cannot poll, and in the settle bench on that rasteriser the
 * early compile made the overview slower, not faster: the GPU process does the work in the same
 * order either way.
 *
 * Register it after the content plugins: it must see the materials they put on the tile.
 */
import { BackSide, DoubleSide, FrontSide, Group, Mesh, MeshDepthMaterial, WebGLRenderTarget, type Camera, type Material, type Object3D, type Scene, type Side, type WebGLRenderer } from 'three';

/** WebGLShadowMap's side flip for a caster's depth pass (shadowSide unset). */
const SHADOW_SIDE: Record<Side, Side> = { [FrontSide]: BackSide, [BackSide]: FrontSide, [DoubleSide]: DoubleSide };

export interface WarmupTarget {
  gl: WebGLRenderer;
  camera: Camera;
  /** The scene the tile will be drawn in (its lights and fog are part of the programs). */
  scene: Scene;
}

export class ProgramWarmupPlugin {
  readonly name = 'SHENTWIN_PROGRAM_WARMUP';
  private readonly depthBySide = new Map<Side, MeshDepthMaterial>();
  private depthTarget: WebGLRenderTarget | null = null;
  private disposed = false;

  constructor(private readonly target: () => WarmupTarget | null) {}

  processTileModel(scene: Object3D): Promise<void> | null {
    const t = this.target();
    if (!t || this.disposed || !t.gl.extensions.has('KHR_parallel_shader_compile')) return null;
    const casters = this.shadowCasters(scene, t.gl);
    const colour = t.gl.compileAsync(scene, t.camera, t.scene);
    const depth = casters ? this.compileDepth(casters, t) : null;
    // WebGL commands wait in the page's buffer until a flush; without one the GPU process would
    // not start these compiles before the frame that needs them.
    t.gl.getContext().flush();
    return Promise.all([colour, depth]).then(() => {
      casters?.clear();
    });
  }

  /** The tile's shadow casters, each on the depth material the shadow pass will give it; null when shadows are off. */
  private shadowCasters(scene: Object3D, gl: WebGLRenderer): Group | null {
    if (!gl.shadowMap.enabled) return null;
    const group = new Group();
    scene.traverse((o) => {
      const mesh = o as Mesh;
      if (!mesh.isMesh || !mesh.castShadow || Array.isArray(mesh.material)) return;
      const m = mesh.material as Material;
      const side = m.shadowSide ?? SHADOW_SIDE[m.side];
      let depth = this.depthBySide.get(side);
      if (!depth) {
        depth = new MeshDepthMaterial({ side });
        this.depthBySide.set(side, depth);
      }
      group.add(new Mesh(mesh.geometry, depth));
    });
    return group.children.length ? group : null;
  }

  private compileDepth(casters: Group, t: WarmupTarget): Promise<unknown> {
    this.depthTarget ??= new WebGLRenderTarget(1, 1);
    const previous = t.gl.getRenderTarget();
    const fog = t.scene.fog;
    t.gl.setRenderTarget(this.depthTarget);
    t.scene.fog = null;
    try {
      // compileAsync compiles synchronously and only then waits, so the lifted state is back at once.
      return t.gl.compileAsync(casters, t.camera, t.scene);
    } finally {
      t.scene.fog = fog;
      t.gl.setRenderTarget(previous);
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const m of this.depthBySide.values()) m.dispose();
    this.depthBySide.clear();
    this.depthTarget?.dispose();
    this.depthTarget = null;
  }
}
