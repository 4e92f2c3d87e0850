/**
 * One scene tileset streamed by 3d-tiles-renderer. The renderer is created imperatively in an
 * effect (not through the r3f wrapper) so this component alone owns its plugins, listeners,
 * timers and disposal: unmounting disposes every tile's geometry, material and texture.
 */
import { useEffect, useRef, useState } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { TilesRenderer } from '3d-tiles-renderer/three';
import { GLTFExtensionsPlugin } from '3d-tiles-renderer/three/plugins';
// The tiler writes EXT_meshopt_compression by default; GLTFLoader needs this decoder to read it.
import { MeshoptDecoder } from 'three/examples/jsm/libs/meshopt_decoder.module.js';
import type { Scene, TilesetRef } from '../../scene/schema';
import { useAppStore, useAppStoreApi } from '../../state/hooks';
import { isLayerVisible } from '../../state/layersSlice';
import { BuildingTilePlugin } from '../../layers/buildings/BuildingTilePlugin';
import { GroundTilePlugin } from '../../layers/ground/GroundTilePlugin';
import { bootFetch } from './bootPrimes';
import { ProgramWarmupPlugin, type WarmupTarget } from './ProgramWarmupPlugin';
import { TilesetGuardPlugin } from './TilesetGuardPlugin';
import { TilesetStatusTracker } from './TilesetStatusTracker';
import { resolveTilesetUrl } from './tilesetUrl';
import { useZone } from './ZoneContext';

function contentPlugin(tileset: TilesetRef, scene: Scene): object {
  if (tileset.kind === 'buildings') return new BuildingTilePlugin();
  const colours: Record<string, string> = {};
  for (const g of scene.groundLayers) colours[g.id] = g.color;
  return new GroundTilePlugin(colours);
}

/**
 * `managedVisibility`: something else (the planner's state controller) shows and hides the
 * tileset pass by pass, so this component keeps streaming it and never sets its visibility.
 */
export function TilesetLayer({ tileset, managedVisibility = false }: { tileset: TilesetRef; managedVisibility?: boolean }) {
  const { scene, registry } = useZone();
  const camera = useThree((s) => s.camera);
  const gl = useThree((s) => s.gl);
  const invalidate = useThree((s) => s.invalidate);
  const threeScene = useThree((s) => s.scene);
  // Read by the warm-up when a tile arrives, so a new camera does not rebuild the renderer.
  const warmupTarget = useRef<WarmupTarget>({ gl, camera, scene: threeScene });
  warmupTarget.current = { gl, camera, scene: threeScene };
  const store = useAppStoreApi();
  const visible = useAppStore((s) => managedVisibility || isLayerVisible(s.layerVisible, tileset.id));
  const [tiles, setTiles] = useState<TilesRenderer | null>(null);
  const url = resolveTilesetUrl(tileset.url, import.meta.env.BASE_URL, document.baseURI);

  useEffect(() => {
    const renderer = new TilesRenderer(url);
    const { lruCache, downloadQueue, parseQueue, processNodeQueue } = registry.resources;
    renderer.lruCache = lruCache;
    renderer.downloadQueue = downloadQueue;
    renderer.parseQueue = parseQueue;
    renderer.processNodeQueue = processNodeQueue;
    renderer.errorTarget = tileset.errorTarget;
    // Every request goes through the guard's fetch; bootFetch lets it claim what boot prefetched.
    renderer.registerPlugin(new TilesetGuardPlugin(bootFetch));
    // autoDispose must be off: with it on, dispose() calls dispose() on the (absent) DRACO and KTX2 loaders and throws.
    renderer.registerPlugin(new GLTFExtensionsPlugin({ metadata: true, rtc: true, autoDispose: false, meshoptDecoder: MeshoptDecoder }));
    renderer.registerPlugin(contentPlugin(tileset, scene));
    // After the content plugin: it compiles the materials that plugin leaves on the tile.
    renderer.registerPlugin(new ProgramWarmupPlugin(() => warmupTarget.current));
    const tracker = new TilesetStatusTracker(renderer, tileset.id, url, store, invalidate);
    registry.set(tileset.id, renderer);
    setTiles(renderer);
    return () => {
      tracker.dispose();
      // A scheme's tileset goes while the zone stays: its "loading" placeholder must not linger.
      if (managedVisibility) store.getState().removeTileset(tileset.id);
      registry.set(tileset.id, null);
      renderer.dispose();
      setTiles(null);
    };
  }, [url, tileset, scene, registry, store, invalidate, managedVisibility]);

  useEffect(() => {
    if (!tiles) return;
    tiles.setCamera(camera);
    return () => {
      tiles.deleteCamera(camera);
    };
  }, [tiles, camera]);

  useFrame(() => {
    // A hidden tileset stops streaming: no downloads for something nobody sees.
    if (!tiles || !visible) return;
    camera.updateMatrixWorld();
    tiles.setResolutionFromRenderer(camera, gl);
    tiles.update();
  });

  if (!tiles) return null;
  if (managedVisibility) return <primitive object={tiles.group} />;
  return <primitive object={tiles.group} visible={visible} />;
}
