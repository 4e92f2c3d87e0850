/**
 * The sunlight analysis in 3D: the last run's facade windows coloured by hours, its ground heat
 * map with contours, a scheme's shadow envelope, and the receiver polygon being drawn. The data
 * comes from src/state/sunlightResults.ts (outside the store); what is drawn is published as the
 * 'sunlight' diagnostics provider for the ?test=1 hook (`analysis.sunlight.render`).
 */
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import { registerDiagnostics } from '../../state/diagnostics';
import { shadowEnvelopeNow, subscribeSunlightResults, sunlightResults, sunlightResultsVersion } from '../../state/sunlightResults';
import { ShadowEnvelopeMesh } from './ShadowEnvelopeMesh';
import { SunlightDrawTool } from './SunlightDrawTool';
import { SunlightGround, type GroundStats } from './SunlightGround';
import { SunlightWindows, type WindowStats } from './SunlightWindows';

export function SunlightLayer() {
  useSyncExternalStore(subscribeSunlightResults, sunlightResultsVersion);
  const results = sunlightResults();
  const envelope = shadowEnvelopeNow();
  const stats = useRef({ windows: { count: 0, passed: 0, failed: 0 } as WindowStats, ground: { cells: 0, contourSegments: 0 } as GroundStats, envelopeTriangles: 0 });

  const onWindows = useCallback((w: WindowStats) => {
    stats.current.windows = w;
  }, []);
  const onGround = useCallback((g: GroundStats) => {
    stats.current.ground = g;
  }, []);
  const onEnvelope = useCallback((n: number) => {
    stats.current.envelopeTriangles = n;
  }, []);

  useEffect(
    () =>
      registerDiagnostics('sunlight', () => {
        const s = stats.current;
        return {
          windowInstances: s.windows.count,
          windowsPassed: s.windows.passed,
          windowsFailed: s.windows.failed,
          groundCells: s.ground.cells,
          contourSegments: s.ground.contourSegments,
          envelopeTriangles: s.envelopeTriangles,
          resultSeq: sunlightResults()?.seq ?? null,
        };
      }),
    [],
  );

  return (
    <group name="sunlight">
      {results && results.primary.length > 0 && <SunlightWindows results={results} spacingM={results.spacingM} onStats={onWindows} />}
      {results?.ground && (
        <SunlightGround ground={results.ground} minHours={results.minHours} windowHours={results.windowHours} onStats={onGround} />
      )}
      {envelope && envelope.polygons.length > 0 && <ShadowEnvelopeMesh envelope={envelope} onTriangles={onEnvelope} />}
      <SunlightDrawTool />
    </group>
  );
}
