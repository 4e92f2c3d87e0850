/**
 * The facade window samples of the last sunlight run: one instanced draw of small quads turned to
 * face out of their facades and coloured by hours (model.ts). Rebuilt only when a new result
 * arrives; nothing runs per frame.
 */
import { useEffect, useMemo } from 'react';
import { useThree } from '@react-three/fiber';
import { Color, DoubleSide, InstancedBufferAttribute, InstancedMesh, MeshBasicMaterial, PlaneGeometry, SRGBColorSpace } from 'three';
import type { SunlightResultSet } from '../../state/sunlightResults';
import { windowInstances } from './model';

export interface WindowStats {
  count: number;
  passed: number;
  failed: number;
}

const scratch = new Color();

export function SunlightWindows({ results, spacingM, onStats }: { results: SunlightResultSet; spacingM: number; onStats: (s: WindowStats) => void }) {
  const invalidate = useThree((s) => s.invalidate);
  const built = useMemo(() => {
    const inst = windowInstances(results.primary, spacingM, results.minHours, results.windowHours);
    const geometry = new PlaneGeometry(1, 1);
    // Unlit: the colour is the result, not something the sun should shade again.
    const material = new MeshBasicMaterial({ side: DoubleSide, toneMapped: false });
    const mesh = new InstancedMesh(geometry, material, Math.max(1, inst.count));
    mesh.count = inst.count;
    mesh.instanceMatrix.array.set(inst.matrices);
    mesh.instanceMatrix.needsUpdate = true;
    // The ramp is in sRGB; three works in linear, so convert once here.
    const linear = new Float32Array(Math.max(3, inst.colors.length));
    for (let i = 0; i < inst.count; i++) {
      scratch.setRGB(inst.colors[i * 3]!, inst.colors[i * 3 + 1]!, inst.colors[i * 3 + 2]!, SRGBColorSpace);
      linear[i * 3] = scratch.r;
      linear[i * 3 + 1] = scratch.g;
      linear[i * 3 + 2] = scratch.b;
    }
    mesh.instanceColor = new InstancedBufferAttribute(linear, 3);
    mesh.computeBoundingSphere();
    mesh.name = 'sunlight-windows';
    mesh.renderOrder = 5;
    return { mesh, stats: { count: inst.count, passed: inst.passed, failed: inst.failed } };
  }, [results, spacingM]);

  useEffect(() => {
    onStats(built.stats);
    invalidate();
    return () => {
      built.mesh.geometry.dispose();
      (built.mesh.material as MeshBasicMaterial).dispose();
      built.mesh.dispose();
      onStats({ count: 0, passed: 0, failed: 0 });
    };
  }, [built, onStats, invalidate]);

  return <primitive object={built.mesh} />;
}
