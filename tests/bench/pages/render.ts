/**
 * Render benchmark page: `?mode=tiles|naive&zone=<id>&view=overview|street&frames=N`.
 * Both modes draw the same zone with the same camera path, lights and renderer settings; the
 * result lands in `window.__bench` for the Node driver (tests/bench/render-tiles-vs-naive.ts).
 */
import { AmbientLight, DirectionalLight, Matrix4, PerspectiveCamera, Scene, Vector3, WebGLRenderer } from 'three';
import { TilesRenderer } from '3d-tiles-renderer/three';
import { GLTFExtensionsPlugin } from '3d-tiles-renderer/three/plugins';
import { EnuFrame } from '../../../src/core/geodesy';
import { sceneSchema, type Viewpoint } from '../../../src/scene/schema';
import { enuToThree, tilesetRootMatrix } from '../../../src/views/three/enuThree';
import { BuildingTilePlugin } from '../../../src/layers/buildings/BuildingTilePlugin';
import { internalsOf } from '../../../src/views/three/rendererInternals';
import { buildNaiveScene } from './naiveScene';

interface BenchResult {
  done: boolean;
  error?: string;
  mode: string;
  view: string;
  setupMs: number;
  frames: number;
  cpuMs: number[];
  rafMs: number[];
  drawCalls: number;
  triangles: number;
  meshes: number;
}

const params = new URLSearchParams(location.search);
const mode = params.get('mode') === 'naive' ? 'naive' : 'tiles';
const view = params.get('view') === 'street' ? 'street' : 'overview';
const zone = params.get('zone') ?? 'jiading';
const frames = Math.max(10, Number(params.get('frames') ?? 40));
const result: BenchResult = { done: false, mode, view, setupMs: 0, frames, cpuMs: [], rafMs: [], drawCalls: 0, triangles: 0, meshes: 0 };
(window as unknown as { __bench: BenchResult }).__bench = result;

const nextFrame = () => new Promise<number>((r) => requestAnimationFrame(r));

function chooseViewpoint(vps: Viewpoint[], defaultId: string): Viewpoint {
  if (view === 'overview') return vps.find((v) => v.id === defaultId) ?? vps[0]!;
  // Street level: the viewpoint whose camera is lowest above its target.
  return [...vps].sort((a, b) => (a.position[2] - a.target[2]) - (b.position[2] - b.target[2]))[0]!;
}

async function main(): Promise<void> {
  const scene = sceneSchema.parse(await (await fetch(`/scenes/${zone}.json`)).json());
  const frame = new EnuFrame(scene.origin);
  const tilesetUrl = new URL(`/${scene.tilesets.find((t) => t.kind === 'buildings')!.url}`, location.href).href;

  const renderer = new WebGLRenderer({ antialias: false, powerPreference: 'high-performance' });
  renderer.setPixelRatio(1);
  renderer.setSize(innerWidth, innerHeight);
  document.body.appendChild(renderer.domElement);
  const world = new Scene();
  world.add(new AmbientLight(0xffffff, 0.6));
  const sun = new DirectionalLight(0xffffff, 2);
  sun.position.set(1000, 2000, 500);
  world.add(sun);
  const camera = new PerspectiveCamera(45, innerWidth / innerHeight, 1, 60000);

  const vp = chooseViewpoint(scene.viewpoints, scene.defaultViewpoint);
  const target = new Vector3(...enuToThree(...vp.target));
  const start = new Vector3(...enuToThree(...vp.position));
  const offset = start.clone().sub(target);
  // A gentle ±15° orbit: the view changes every frame, the set of needed tiles barely does.
  const place = (i: number) => {
    const a = ((i / frames) * 2 - 1) * (Math.PI / 12);
    const o = offset.clone().applyAxisAngle(new Vector3(0, 1, 0), a);
    camera.position.copy(target).add(o);
    camera.lookAt(target);
    camera.updateMatrixWorld();
  };

  const t0 = performance.now();
  let tiles: TilesRenderer | null = null;
  if (mode === 'tiles') {
    tiles = new TilesRenderer(tilesetUrl);
    tiles.errorTarget = scene.tilesets[0]!.errorTarget;
    tiles.registerPlugin(new GLTFExtensionsPlugin({ metadata: true, rtc: true, autoDispose: false }));
    tiles.registerPlugin(new BuildingTilePlugin());
    tiles.group.matrixAutoUpdate = false;
    tiles.group.matrix.copy(new Matrix4().fromArray(tilesetRootMatrix(frame)));
    world.add(tiles.group);
    tiles.setCamera(camera);
    tiles.setResolutionFromRenderer(camera, renderer);
    // Warm up over the whole path until nothing is downloading or parsing: settled tiles.
    let quiet = 0;
    for (let i = 0; quiet < 10 && i < 5000; i++) {
      place(i % frames);
      tiles.update();
      renderer.render(world, camera);
      const s = internalsOf(tiles).stats;
      quiet = s.downloading === 0 && s.parsing === 0 && s.queued === 0 && tiles.rootTileset ? quiet + 1 : 0;
      await nextFrame();
    }
  } else {
    const naive = await buildNaiveScene(tilesetUrl);
    result.meshes = naive.meshes;
    world.add(naive.group);
    for (let i = 0; i < 3; i++) { place(i); renderer.render(world, camera); await nextFrame(); }
  }
  result.setupMs = performance.now() - t0;

  let last = await nextFrame();
  for (let i = 0; i < frames; i++) {
    place(i);
    const c0 = performance.now();
    tiles?.update();
    renderer.render(world, camera);
    result.cpuMs.push(performance.now() - c0);
    result.drawCalls = Math.max(result.drawCalls, renderer.info.render.calls);
    result.triangles = Math.max(result.triangles, renderer.info.render.triangles);
    const now = await nextFrame();
    result.rafMs.push(now - last);
    last = now;
  }
  if (tiles) {
    let visibleMeshes = 0;
    tiles.group.traverse((o) => { if ((o as { isMesh?: boolean }).isMesh && o.visible) visibleMeshes++; });
    result.meshes = visibleMeshes;
  }
  result.done = true;
}

main().catch((e: unknown) => {
  result.error = e instanceof Error ? `${e.message}\n${e.stack}` : String(e);
  result.done = true;
});
