/** Loads the zone's plan when the workspace opens a zone (and again after a zone switch). */
import { useEffect } from 'react';
import type { Scene } from '../scene/schema';
import { useAppStoreApi } from '../state/hooks';
import { loadZonePlan } from './loadZonePlan';

export function usePlanLoader(scene: Scene): void {
  const store = useAppStoreApi();
  useEffect(() => {
    void loadZonePlan(store, scene);
  }, [store, scene]);
}
