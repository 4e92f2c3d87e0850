/**
 * Holds the view's first picture until the zone's tiles are in (firstPictureModel.ts). While it
 * holds, a priority-1 frame callback takes rendering over from R3F and draws nothing but brings
 * the scene's and camera's matrices up to date as a render would; every other frame callback
 * still runs, so the tile renderers keep choosing and loading tiles for the real camera. The
 * frame it opens in is drawn here, then the gate unmounts and R3F renders as before.
 *
 * Mounted once per zone view (ThreeView keys the scene by zone, and the watchdog's rebuild
 * remounts it), so each zone's first picture is held the same way.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { registerDiagnostics } from '../../state/diagnostics';
import { useAppStoreApi } from '../../state/hooks';
import { trackTimeout } from '../../runtime/tracked';
import { firstPictureVerdict, FIRST_PICTURE_MAX_WAIT_MS, type FirstPictureReason, type FirstPictureTileset } from './firstPictureModel';
import { internalsOf } from './rendererInternals';
import { useZone } from './ZoneContext';

interface Outcome {
  reason: FirstPictureReason | null;
  /** Milliseconds from the view's first frame to the picture. */
  heldMs: number | null;
}

export function FirstPictureGate() {
  const store = useAppStoreApi();
  const invalidate = useThree((s) => s.invalidate);
  const [open, setOpen] = useState(false);
  const outcome = useRef<Outcome>({ reason: null, heldMs: null });
  const deadline = useRef(false);

  useEffect(() => {
    store.getState().setFirstPicture('waiting');
    // The deadline by the clock as well as by the frames' deltas: with frameloop="demand" no frame
    // may come at the deadline by itself, and the first frame may come well after the mount.
    const cancel = trackTimeout(() => {
      deadline.current = true;
      invalidate();
    }, FIRST_PICTURE_MAX_WAIT_MS);
    const offDiag = registerDiagnostics('firstPicture', () => ({ ...outcome.current }));
    return () => {
      cancel();
      offDiag();
      store.getState().setFirstPicture('shown');
    };
  }, [store, invalidate]);

  if (open) return null;
  return (
    <HoldFrames
      deadline={deadline}
      onOpen={(reason, heldMs) => {
        outcome.current = { reason, heldMs };
        store.getState().setFirstPicture('shown');
        setOpen(true);
      }}
    />
  );
}

interface HoldProps {
  /** Set when the deadline has passed by the clock. */
  deadline: { readonly current: boolean };
  onOpen: (reason: FirstPictureReason, heldMs: number) => void;
}

/**
 * The frame callback that holds the picture; unmounting it hands rendering back to R3F. Until
 * React has unmounted it, frames after the opening one are drawn here too.
 */
function HoldFrames({ deadline, onOpen }: HoldProps) {
  const { scene, registry } = useZone();
  const store = useAppStoreApi();
  const opened = useRef(false);
  // Time held, summed from the frames' own deltas (no clock read in the frame loop).
  const heldMs = useRef(0);
  // One entry per tileset, rewritten in place each frame.
  const observed = useMemo<FirstPictureTileset[]>(() => scene.tilesets.map(() => ({ loaded: null, status: undefined })), [scene]);

  useFrame((state, deltaS) => {
    if (!opened.current) {
      heldMs.current += deltaS * 1000;
      const statuses = store.getState().tilesets;
      for (let i = 0; i < observed.length; i++) {
        const id = scene.tilesets[i]!.id;
        const renderer = registry.get(id);
        observed[i]!.loaded = renderer ? internalsOf(renderer).stats.loaded : null;
        observed[i]!.status = statuses[id];
      }
      const reason = firstPictureVerdict(observed, deadline.current ? Math.max(heldMs.current, FIRST_PICTURE_MAX_WAIT_MS) : heldMs.current);
      if (reason === null) {
        // What render() would have done besides drawing: the tile renderers choose tiles from
        // the camera's and their groups' world matrices, which only a render brings up to date.
        if (state.scene.matrixWorldAutoUpdate) state.scene.updateMatrixWorld();
        if (state.camera.parent === null && state.camera.matrixWorldAutoUpdate) state.camera.updateMatrixWorld();
        return;
      }
      opened.current = true;
      onOpen(reason, Math.round(heldMs.current));
    }
    // R3F draws only while no callback of priority > 0 exists; another one (two compared panes) draws itself.
    if (state.internal.priority === 1) state.gl.render(state.scene, state.camera);
  }, 1);

  return null;
}
