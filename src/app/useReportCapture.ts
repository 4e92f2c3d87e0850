/**
 * The scheme report's screenshots: the two states the view compares now (today and the shown
 * scheme, or left and right), each drawn over the whole 3D view.
 */
import { useCallback } from 'react';
import { currentPair } from '../analysis/planning/statePair';
import { useAppStoreApi } from '../state/hooks';
import { captureStates, type StateImage } from '../state/viewCapture';

export function useReportCapture(): () => Promise<StateImage[]> {
  const store = useAppStoreApi();
  return useCallback(() => {
    const s = store.getState();
    const pair = currentPair(s.planView, s.activeSiteId);
    return captureStates(pair ? [pair.a, pair.b] : []);
  }, [store]);
}
