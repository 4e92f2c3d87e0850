/**
 * Drives the zone's stories from the store's `story` with a clock: one StoryDriver per zone,
 * ticked every STORY_TICK_MS. Mount it once per shell (StoryHost does); two controllers would
 * apply every step twice.
 */
import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { selectBuildingById } from '../../app/zoneActions';
import type { StoryEnd } from '../../modes/stories/storyModel';
import { trackInterval } from '../../runtime/tracked';
import type { Scene } from '../../scene/schema';
import { useAppStoreApi } from '../../state/hooks';
import { StoryDriver, type StoryView } from './StoryDriver';

/** Fine enough for a seconds countdown, coarse enough to cost nothing on a wall left for days. */
export const STORY_TICK_MS = 250;

export interface StoryController {
  view: StoryView | null;
  play(storyId: string, step?: number): void;
  next(): void;
  prev(): void;
  tap(): void;
  close(): void;
}

const wallClock = () => Date.now();

export function useStoryController(scene: Scene, atEnd: StoryEnd = 'stop', now: () => number = wallClock): StoryController {
  const store = useAppStoreApi();
  // Read at each step change, so a kiosk switching to its attract loop needs no new driver.
  const atEndRef = useRef(atEnd);
  atEndRef.current = atEnd;
  const driver = useMemo(
    () =>
      new StoryDriver(store, scene, {
        now,
        atEnd: () => atEndRef.current,
        selectBuilding: (id) => {
          void selectBuildingById(store, scene, id, false).then((r) => {
            if (!r.ok) store.getState().reportError('scene', `scenes/${scene.id}.json · stories`, `story highlight: ${r.reason}`);
          });
        },
      }),
    [store, scene, now],
  );

  useEffect(() => {
    driver.start();
    const stopTick = trackInterval(() => driver.tick(), STORY_TICK_MS);
    return () => {
      stopTick();
      driver.dispose();
    };
  }, [driver]);

  const view = useSyncExternalStore(driver.subscribe, driver.view, driver.view);
  return useMemo(
    () => ({
      view,
      play: (id: string, step?: number) => driver.play(id, step),
      next: () => driver.next(),
      prev: () => driver.prev(),
      tap: () => driver.tap(),
      close: () => driver.close(),
    }),
    [driver, view],
  );
}
