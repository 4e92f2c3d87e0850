import { describe, expect, it } from 'vitest';
import { BackSide, BoxGeometry, DoubleSide, Fog, Group, Mesh, MeshDepthMaterial, MeshStandardMaterial, PerspectiveCamera, Scene, type Object3D, type WebGLRenderer } from 'three';
import { ProgramWarmupPlugin } from '../../../src/views/three/ProgramWarmupPlugin';

interface Call {
  root: Object3D;
  depthSides: number[];
  target: unknown;
  fog: unknown;
}

function fakeRenderer(opts: { parallel: boolean; shadows: boolean }, scene: Scene) {
  const calls: Call[] = [];
  let target: unknown = null;
  let flushes = 0;
  const gl = {
    extensions: { has: (name: string) => opts.parallel && name === 'KHR_parallel_shader_compile' },
    shadowMap: { enabled: opts.shadows },
    getRenderTarget: () => target,
    setRenderTarget: (t: unknown) => {
      target = t;
    },
    getContext: () => ({ flush: () => void flushes++ }),
    compileAsync: (root: Object3D) => {
      const depthSides: number[] = [];
      root.traverse((o) => {
        const m = (o as Mesh).material;
        if (m instanceof MeshDepthMaterial) depthSides.push(m.side);
      });
      calls.push({ root, depthSides, target, fog: scene.fog });
      return Promise.resolve(root);
    },
  };
  return { gl: gl as unknown as WebGLRenderer, calls, flushes: () => flushes, target: () => target };
}

function tile(): Group {
  const g = new Group();
  const walls = new Mesh(new BoxGeometry(), new MeshStandardMaterial());
  walls.castShadow = true;
  const roofs = new Mesh(new BoxGeometry(), new MeshStandardMaterial({ side: DoubleSide }));
  roofs.castShadow = true;
  const ground = new Mesh(new BoxGeometry(), new MeshStandardMaterial());
  g.add(walls, roofs, ground);
  return g;
}

describe('ProgramWarmupPlugin', () => {
  it('compiles the tile, then its casters on depth materials into a render target with no fog, and flushes', async () => {
    const scene = new Scene();
    const fog = new Fog(0xffffff, 1, 10);
    scene.fog = fog;
    const r = fakeRenderer({ parallel: true, shadows: true }, scene);
    const plugin = new ProgramWarmupPlugin(() => ({ gl: r.gl, camera: new PerspectiveCamera(), scene }));
    const t = tile();
    const done = plugin.processTileModel(t);
    expect(done).not.toBeNull();
    await done;
    expect(r.calls).toHaveLength(2);
    expect(r.calls[0]!.root).toBe(t);
    expect(r.calls[0]!.fog).toBe(fog);
    expect(r.calls[0]!.target).toBeNull();
    // Front faces cast from their back side (three's shadow pass), double-sided stay double.
    expect(r.calls[1]!.depthSides.sort()).toEqual([BackSide, DoubleSide].sort());
    expect(r.calls[1]!.target).not.toBeNull();
    expect(r.calls[1]!.fog).toBeNull();
    // Everything lifted for the depth compile is back.
    expect(scene.fog).toBe(fog);
    expect(r.target()).toBeNull();
    expect(r.flushes()).toBe(1);
    plugin.dispose();
  });

  it('without shadows compiles the tile alone', async () => {
    const scene = new Scene();
    const r = fakeRenderer({ parallel: true, shadows: false }, scene);
    await new ProgramWarmupPlugin(() => ({ gl: r.gl, camera: new PerspectiveCamera(), scene })).processTileModel(tile());
    expect(r.calls).toHaveLength(1);
  });

  it('does nothing without KHR_parallel_shader_compile, before the view is up, or once disposed', () => {
    const scene = new Scene();
    const r = fakeRenderer({ parallel: false, shadows: true }, scene);
    expect(new ProgramWarmupPlugin(() => ({ gl: r.gl, camera: new PerspectiveCamera(), scene })).processTileModel(tile())).toBeNull();
    expect(new ProgramWarmupPlugin(() => null).processTileModel(tile())).toBeNull();
    const on = fakeRenderer({ parallel: true, shadows: true }, scene);
    const p = new ProgramWarmupPlugin(() => ({ gl: on.gl, camera: new PerspectiveCamera(), scene }));
    p.dispose();
    expect(p.processTileModel(tile())).toBeNull();
    expect(r.calls.length + on.calls.length).toBe(0);
  });
});
