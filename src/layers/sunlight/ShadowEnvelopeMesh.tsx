/**
 * A scheme's shadow envelope over the analysis window (shadowStudy.ts), drawn flat on the ground
 * as a translucent fill (meshModel.flatPolygons, holes kept). Built once per envelope.
 */
import { useEffect, useMemo } from 'react';
import { useThree } from '@react-three/fiber';
import { DoubleSide, Mesh, MeshBasicMaterial } from 'three';
import type { ShadowEnvelope } from '../../state/sunlightResults';
import { flatPolygons } from '../planning/meshModel';
import { overlayGeometry } from '../planning/overlayGeometry';

/** Under the heat map (1.4 m), over the 控规 plot fill (1.2 m). */
const ENVELOPE_UP_M = 1.3;
export const ENVELOPE_COLOR = '#3949ab';
const ENVELOPE_ALPHA = 0.35;

export function ShadowEnvelopeMesh({ envelope, onTriangles }: { envelope: ShadowEnvelope; onTriangles: (n: number) => void }) {
  const invalidate = useThree((s) => s.invalidate);
  const mesh = useMemo(() => {
    const items = envelope.polygons.filter((p) => p[0]).map(([ring, ...holes]) => ({ ring: ring!, holes, color: ENVELOPE_COLOR }));
    const arrays = flatPolygons(items, ENVELOPE_UP_M);
    // No triangles, nothing to draw: an empty buffer has no bounding sphere (three reports NaN).
    if (arrays.index.length === 0) return null;
    const m = new Mesh(
      overlayGeometry(arrays),
      new MeshBasicMaterial({ vertexColors: true, transparent: true, opacity: ENVELOPE_ALPHA, depthWrite: false, side: DoubleSide }),
    );
    m.renderOrder = 3;
    m.name = 'sunlight-envelope';
    return m;
  }, [envelope]);

  useEffect(() => {
    if (!mesh) return;
    onTriangles((mesh.geometry.index?.count ?? 0) / 3);
    invalidate();
    return () => {
      mesh.geometry.dispose();
      (mesh.material as MeshBasicMaterial).dispose();
      onTriangles(0);
    };
  }, [mesh, onTriangles, invalidate]);

  return mesh ? <primitive object={mesh} /> : null;
}
