/**
 * A small uPlot line: no axes, no legend, gaps where data is missing (a silent sensor is a gap,
 * not a drop to zero). uPlot is loaded on first use (it needs a canvas and matchMedia, so it is
 * kept out of the start-up bundle and out of environments without them); the chart is created in
 * an effect and destroyed in its cleanup, and new data goes through setData, so a panel updating
 * once a second never rebuilds it.
 */
import { useEffect, useRef } from 'react';
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

type UplotCtor = typeof uPlot;
let uplotModule: Promise<UplotCtor> | null = null;

/** One import for every chart on the page. */
function loadUplot(): Promise<UplotCtor> {
  uplotModule ??= import('uplot').then((m) => m.default);
  return uplotModule;
}

interface Props {
  /** x values (epoch ms) and y values, aligned; null is a gap. */
  t: readonly number[];
  v: readonly (number | null)[];
  width: number;
  height: number;
  color: string;
  label: string;
  /** Horizontal reference lines (thresholds), drawn dashed. */
  refs?: readonly { value: number; color: string }[];
}

function options(width: number, height: number, color: string, refs: () => readonly { value: number; color: string }[] | undefined): uPlot.Options {
  return {
    width,
    height,
    legend: { show: false },
    cursor: { show: false },
    select: { show: false, left: 0, top: 0, width: 0, height: 0 },
    axes: [{ show: false }, { show: false }],
    scales: { x: { time: false }, y: { range: (_u, min, max) => (min === max ? [min - 1, max + 1] : [min, max]) } },
    series: [{}, { stroke: color, width: 1.5, spanGaps: false, points: { show: false } }],
    hooks: {
      draw: [
        (u) => {
          const ctx = u.ctx;
          for (const r of refs() ?? []) {
            const y = u.valToPos(r.value, 'y', true);
            if (!Number.isFinite(y) || y < u.bbox.top || y > u.bbox.top + u.bbox.height) continue;
            ctx.save();
            ctx.strokeStyle = r.color;
            ctx.setLineDash([4, 3]);
            ctx.beginPath();
            ctx.moveTo(u.bbox.left, y);
            ctx.lineTo(u.bbox.left + u.bbox.width, y);
            ctx.stroke();
            ctx.restore();
          }
        },
      ],
    },
  };
}

export function Sparkline({ t, v, width, height, color, label, refs }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const data = useRef<[number[], (number | null)[]]>([[], []]);
  const refsRef = useRef(refs);
  refsRef.current = refs;
  data.current = [t as number[], v as (number | null)[]];

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    let disposed = false;
    let u: uPlot | null = null;
    void loadUplot()
      .then((UPlot) => {
        if (disposed) return;
        u = new UPlot(options(width, height, color, () => refsRef.current), data.current, el);
        chart.current = u;
      })
      // A chart that cannot draw (no canvas) leaves the value and its label, which carry the meaning.
      .catch(() => undefined);
    return () => {
      disposed = true;
      u?.destroy();
      chart.current = null;
    };
  }, [width, height, color]);

  useEffect(() => {
    chart.current?.setData(data.current);
  }, [t, v]);

  return <div ref={host} className="st-sparkline" role="img" aria-label={label} style={{ width, height }} />;
}
