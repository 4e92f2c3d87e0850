/**
 * Draws each version of the city where the comparison wants it. One pane: the state is applied
 * before R3F's normal render. Two panes (swipe, side by side): this takes over rendering and
 * draws the scene twice per frame under a scissor, applying each pane's state first, with the
 * same camera (linked by construction); a side-by-side pane gets its own aspect ratio.
 * The panes are recomputed only when the view changes, never per frame.
 */
import { useEffect, useRef, useState } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import type { PerspectiveCamera } from 'three';
import { registerDiagnostics } from '../../state/diagnostics';
import { useAppStoreApi } from '../../state/hooks';
import { registerStateCapturer } from '../../state/viewCapture';
import { allSchemes } from '../../state/planningSlice';
import type { AppState } from '../../state/store';
import { useZone } from '../../views/three/ZoneContext';
import { panesOf, type Pane } from './compareModel';
import { drawPanes } from './drawPanes';

export function panesForState(s: AppState): Pane[] {
  return panesOf(s.planView, new Set(allSchemes(s).map((x) => x.id)));
}

function TwoPaneRender({ panes }: { panes: React.RefObject<Pane[]> }) {
  const { planState } = useZone();
  useFrame(({ gl, scene, camera, size }) => {
    drawPanes(gl, scene, camera as PerspectiveCamera, panes.current, size.width, size.height, planState);
  }, 1);
  return null;
}

export function PlanStateDriver() {
  const { planState } = useZone();
  const store = useAppStoreApi();
  const panes = useRef<Pane[]>(panesForState(store.getState()));
  const [twoPanes, setTwoPanes] = useState(panes.current.length > 1);

  useEffect(() => {
    const update = (s: AppState) => {
      panes.current = panesForState(s);
      setTwoPanes(panes.current.length > 1);
    };
    update(store.getState());
    return store.subscribe((s, prev) => {
      if (s.planView !== prev.planView || s.plan !== prev.plan || s.importedSchemes !== prev.importedSchemes) update(s);
    });
  }, [store]);

  useEffect(() => registerDiagnostics('planning', () => planState.diagnostics()), [planState]);

  // The report's screenshots: each state drawn over the whole view and read back in the same
  // task (the drawing buffer is not preserved), then the view's own state is restored.
  const gl = useThree((s) => s.gl);
  const get = useThree((s) => s.get);
  useEffect(
    () =>
      registerStateCapturer((stateIds) => {
        const { scene, camera } = get();
        const before = planState.current;
        const out = stateIds.map((stateId) => {
          planState.apply(stateId);
          gl.render(scene, camera);
          return { stateId, dataUrl: gl.domElement.toDataURL('image/png') };
        });
        planState.apply(before);
        return out;
      }),
    [gl, get, planState],
  );

  useFrame(() => {
    const only = panes.current.length === 1 ? panes.current[0] : null;
    if (only) planState.apply(only.stateId);
  }, -50);

  return twoPanes ? <TwoPaneRender panes={panes} /> : null;
}
