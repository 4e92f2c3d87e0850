/**
 * The big screen's HUD on its design canvas (modeSettings.design, 1920×1080 by default), fitted to
 * the window with "contain" and scaled with a CSS transform, so every panel keeps its place on
 * any wall and nothing is cropped off a non-16:9 one. The layout is written in px for a canvas
 * 1080 px tall: a taller design (3840×2160) scales it up as a whole, a wider one (3840×1080)
 * widens the centre. Pointer events pass through to the 3D view except on the cards; a
 * transform keeps hit-testing exact, so a click lands on what is drawn under it.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { trackListener } from '../../runtime/tracked';
import type { Scene } from '../../scene/schema';
import { useAppStore } from '../../state/hooks';
import { DESIGN_FHD, fitCanvas, type Size } from './fitCanvas';
import { AlarmCard } from './AlarmCard';
import { TimeSlider } from '../../ui/timeline/TimeSlider';
import { AlertTicker } from './AlertTicker';
import { KpiColumn } from './KpiColumn';
import { TitleBar } from './TitleBar';
import { TourCaption } from './TourCaption';
import type { TourControls, TourHud } from './useTourController';

/** The height, in px, the HUD's layout is written for. */
export const LAYOUT_HEIGHT_PX = 1080;

const LEFT_KPIS = ['avgSpeedKmh', 'congestionIndex', 'vehiclesOnline', 'autonomousShare', 'signalHealth'] as const;
const RIGHT_KPIS = ['alertsOpenTotal', 'rsuHealth', 'aqi', 'noiseDb', 'parkingAvailability'] as const;

function useStageSize(): [RefObject<HTMLDivElement | null>, Size] {
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<Size>(() => ({ width: window.innerWidth, height: window.innerHeight }));
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const read = () => {
      const r = el.getBoundingClientRect();
      setSize((s) => (s.width === r.width && s.height === r.height ? s : { width: r.width, height: r.height }));
    };
    read();
    if (typeof ResizeObserver === 'undefined') return trackListener(window, 'resize', read);
    const ro = new ResizeObserver(read);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, size];
}

interface Props {
  scene: Scene;
  tour: TourHud;
  controls: TourControls;
}

export function ScreenHud({ scene, tour, controls }: Props) {
  const { t } = useTranslation();
  const design = useAppStore((s) => s.modeSettings.design) ?? DESIGN_FHD;
  const [stageRef, stage] = useStageSize();
  const fit = fitCanvas(design, stage);
  const unit = design.height / LAYOUT_HEIGHT_PX;
  const width = design.width / unit;

  return (
    <div ref={stageRef} className="st-screen__stage">
      <div
        className="st-screen__hud"
        role="region"
        aria-label={t('modes.screenShell.hud')}
        data-testid="screen-hud"
        data-scale={fit.scale}
        style={{
          width,
          height: LAYOUT_HEIGHT_PX,
          transform: `translate(${fit.offsetX}px, ${fit.offsetY}px) scale(${fit.scale * unit})`,
        }}
      >
        <TitleBar scene={scene} tour={tour} controls={controls} />
        <KpiColumn side="left" kpis={LEFT_KPIS} />
        <KpiColumn side="right" kpis={RIGHT_KPIS} />
        <AlarmCard tour={tour} controls={controls} />
        <TourCaption scene={scene} tour={tour} />
        <AlertTicker alarmId={tour.alarmId} />
        <div className="st-screen__timeline">
          <TimeSlider scene={scene} variant="screen" />
        </div>
      </div>
    </div>
  );
}
