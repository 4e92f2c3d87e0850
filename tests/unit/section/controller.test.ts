import { describe, expect, it, vi } from 'vitest';
import { Group, MeshBasicMaterial, PerspectiveCamera, Scene, ShaderLib, type Material, type Plane, type WebGLRenderer } from 'three';
import type { SectionBox } from '../../../src/analysis/section/types';
import { SectionCapRenderer } from '../../../src/layers/section/SectionCapRenderer';
import { SectionController } from '../../../src/layers/section/SectionController';
import { makeUnclipped } from '../../../src/layers/section/unclippedMaterial';

const box: SectionBox = { kind: 'box', centre: [0, 0, 25], size: [40, 20, 50], headingDeg: 0 };

describe('SectionController', () => {
  it('holds six three.js planes for a box, one for a plane, none without a section', () => {
    const c = new SectionController();
    const seen = vi.fn();
    c.subscribe(seen);
    expect(c.set(box)).toBe(true);
    expect(c.planes).toHaveLength(6);
    expect(c.capClips[0]).toHaveLength(6);
    const first = c.planes[0];
    c.set({ kind: 'plane', point: [0, 0, 10], normal: [0, 0, 1] });
    expect(c.planes).toHaveLength(1);
    // Rewritten in place: the same Plane object, now "keep three.js y ≤ 10".
    expect(c.planes[0]).toBe(first);
    expect([c.planes[0]!.normal.x, c.planes[0]!.normal.y, c.planes[0]!.normal.z, c.planes[0]!.constant]).toEqual([0, -1, 0, 10]);
    expect(c.flipped[0]![0]!.normal.y).toBe(1);
    expect(c.capClips[0]).toHaveLength(1);
    c.set(null);
    expect(c.planes).toHaveLength(0);
    expect(seen).toHaveBeenCalledTimes(3);
  });

  it('refuses an invalid section, clipping nothing, and says why', () => {
    const c = new SectionController();
    c.set(box);
    expect(c.set({ ...box, size: [40, Number.NaN, 50] })).toBe(false);
    expect(c.section).toBeNull();
    expect(c.planes).toHaveLength(0);
    expect(c.diagnostics().refused).toEqual(['size[1] is not a finite number']);
  });

  it('reports render stats: planes, capped, handles', () => {
    const c = new SectionController();
    expect(c.stats()).toEqual({ planes: 0, capped: false, handles: 0 });
    c.setCapsReady(true);
    c.setHandleCount(6);
    expect(c.stats()).toEqual({ planes: 0, capped: false, handles: 0 });
    c.set(box);
    expect(c.stats()).toEqual({ planes: 6, capped: true, handles: 6 });
  });
});

interface Call {
  scene: Scene;
  planes: { nx: number; ny: number; nz: number; c: number }[];
  override: Material | null;
  autoClear: boolean;
}

function fakeRenderer(stencil = true) {
  const calls: Call[] = [];
  const gl = {
    target: null as object | null,
    getRenderTarget: () => gl.target,
    clippingPlanes: [] as Plane[],
    autoClear: true,
    info: { autoReset: true },
    getContext: () => ({ getContextAttributes: () => ({ stencil }) }),
    clearStencil: vi.fn(),
    render: vi.fn((scene: Scene) => {
      calls.push({
        scene,
        planes: gl.clippingPlanes.map((p) => ({ nx: p.normal.x, ny: p.normal.y, nz: p.normal.z, c: p.constant })),
        override: scene.overrideMaterial,
        autoClear: gl.autoClear,
      });
    }),
  };
  return { gl, calls, renderer: gl as unknown as WebGLRenderer };
}

function cameraAt(x: number, y: number, z: number): PerspectiveCamera {
  const cam = new PerspectiveCamera(45, 1, 1, 80_000);
  cam.position.set(x, y, z);
  cam.updateMatrixWorld();
  return cam;
}

describe('SectionCapRenderer passes', () => {
  function setup(stencil = true) {
    const controller = new SectionController();
    controller.set(box);
    const caps = new SectionCapRenderer(controller, '#ccc');
    const f = fakeRenderer(stencil);
    caps.attach(f.renderer);
    caps.setRoots([new Group()]);
    f.gl.clippingPlanes = controller.planes;
    const run = (cam: PerspectiveCamera) =>
      caps.trigger.onAfterRender(f.renderer, new Scene(), cam, caps.trigger.geometry, caps.trigger.material as Material, new Group());
    return { controller, caps, ...f, run };
  }

  it('caps only the top face for a camera above the box: two stencil passes, the cap, a restore', () => {
    const { controller, gl, calls, run } = setup();
    run(cameraAt(0, 300, 0));
    expect(calls).toHaveLength(4);
    const [front, back, cap, restore] = calls as [Call, Call, Call, Call];
    expect((front.override as MeshBasicMaterial).side).toBe(0); // FrontSide
    expect((back.override as MeshBasicMaterial).side).toBe(1); // BackSide
    expect(front.scene).toBe(back.scene);
    // The stencil passes keep only the camera's side of the top plane (three.js y ≥ 50).
    expect(front.planes).toEqual([{ nx: 0, ny: 1, nz: 0, c: -50 }]);
    // The cap is trimmed by the five other planes and the floor; it lies at the top face.
    expect(cap.planes).toHaveLength(6);
    const capMesh = cap.scene.children[0]!;
    expect(capMesh.matrixWorld.elements[13]).toBeCloseTo(50, 9);
    // Then the renderer's own planes come back for the rest of the frame.
    expect(restore.planes).toHaveLength(6);
    expect(restore.scene.children).toHaveLength(0);
    expect(calls.every((c) => !c.autoClear)).toBe(true);
    expect(gl.clippingPlanes).toBe(controller.planes);
    expect(gl.autoClear).toBe(true);
    expect(gl.info.autoReset).toBe(true);
    expect(gl.clearStencil).toHaveBeenCalledTimes(1);
    expect(controller.cappedLastPass).toBe(1);
  });

  it('caps three faces from a corner, none from inside the box', () => {
    const { controller, calls, run } = setup();
    run(cameraAt(100, 300, -100));
    expect(controller.cappedLastPass).toBe(3);
    expect(calls).toHaveLength(3 * 3 + 1);
    calls.length = 0;
    run(cameraAt(0, 10, 0));
    expect(controller.cappedLastPass).toBe(0);
    expect(calls).toHaveLength(0);
  });

  it('draws nothing into a render target (the transmission pass), only on the canvas', () => {
    const { gl, calls, run } = setup();
    gl.target = {};
    run(cameraAt(0, 300, 0));
    expect(calls).toHaveLength(0);
  });

  it('draws nothing without a stencil buffer, without roots or without a section', () => {
    const noStencil = setup(false);
    noStencil.run(cameraAt(0, 300, 0));
    expect(noStencil.calls).toHaveLength(0);
    const noRoots = setup();
    noRoots.caps.setRoots([]);
    noRoots.run(cameraAt(0, 300, 0));
    expect(noRoots.calls).toHaveLength(0);
    const none = setup();
    none.controller.set(null);
    none.run(cameraAt(0, 300, 0));
    expect(none.calls).toHaveLength(0);
  });

  it('restores the renderer even if a pass throws', () => {
    const { controller, gl, run } = setup();
    gl.render.mockImplementationOnce(() => {
      throw new Error('lost context');
    });
    expect(() => run(cameraAt(0, 300, 0))).toThrow('lost context');
    expect(gl.clippingPlanes).toBe(controller.planes);
    expect(gl.autoClear).toBe(true);
    expect(gl.info.autoReset).toBe(true);
  });
});

describe('makeUnclipped', () => {
  it('drops the clipping chunk that three\'s basic shader (meshes and lines) has', () => {
    expect(ShaderLib.basic.fragmentShader).toContain('#include <clipping_planes_fragment>');
    const m = makeUnclipped(new MeshBasicMaterial());
    const shader = { fragmentShader: ShaderLib.basic.fragmentShader, vertexShader: ShaderLib.basic.vertexShader, uniforms: {} };
    m.onBeforeCompile(shader as never, null as never);
    expect(shader.fragmentShader).not.toContain('clipping_planes_fragment>');
    expect(m.customProgramCacheKey()).toBe('shentwin-section-unclipped');
  });
});
