/**
 * The section tool's 3D side (剖切): clips the whole scene to a box or a plane, caps the cut
 * buildings, and draws the outline and drag handles. Mount it once per zone, at the top level of
 * the zone's scene (outside the tileset group, whose matrix is ECEF→local). `section` is plain
 * ENU data from the store (or null for no section); a handle drag updates the view live and
 * reports the result once, through onChange, when released. Publishes its render stats as the
 * `section` diagnostics of the test hook, and through onStats when they change.
 */
import { useEffect, useLayoutEffect, useState } from 'react';
import type { Section } from '../../analysis/section/types';
import { registerDiagnostics } from '../../state/diagnostics';
import { SectionCaps } from './SectionCaps';
import { SectionClipping } from './SectionClipping';
import { SectionController, type SectionRenderStats } from './SectionController';
import { SectionHandles } from './SectionHandles';

export interface SectionLayerProps {
  section: Section | null;
  /** The section after a handle drag; commit it to the store here. */
  onChange?: (section: Section) => void;
  /** Draw the outline and handles (default true); off for kiosks and screenshots. */
  handles?: boolean;
  /** Cap the cut faces (default true). */
  caps?: boolean;
  /** Colour of the cut faces. */
  capColor?: string;
  /** Called with the render stats whenever they change (never per frame). */
  onStats?: (stats: SectionRenderStats) => void;
}

export function SectionLayer({ section, onChange, handles = true, caps = true, capColor, onStats }: SectionLayerProps) {
  const [controller] = useState(() => new SectionController());

  // Before the children's effects and the next frame, so the first frame is already clipped.
  useLayoutEffect(() => {
    controller.set(section);
  }, [controller, section]);

  useEffect(() => () => {
    controller.set(null);
  }, [controller]);

  useEffect(() => registerDiagnostics('section', () => controller.diagnostics()), [controller]);

  useEffect(() => {
    if (!onStats) return;
    let last = '';
    const emit = () => {
      const s = controller.stats();
      const key = `${s.planes}|${s.capped}|${s.handles}`;
      if (key === last) return;
      last = key;
      onStats(s);
    };
    emit();
    return controller.subscribe(emit);
  }, [controller, onStats]);

  return (
    <>
      <SectionClipping controller={controller} />
      {caps && <SectionCaps controller={controller} color={capColor} />}
      {handles && <SectionHandles controller={controller} onChange={onChange} />}
    </>
  );
}
