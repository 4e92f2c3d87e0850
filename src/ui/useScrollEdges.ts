/**
 * Whether a horizontally scrolling element has more content before or after what shows, kept
 * current on scroll, on resize and when `deps` change (new content, another language). A list cut
 * at the panel's edge with nothing saying there is more reads as complete; this is what lets it say so.
 */
import { useLayoutEffect, useState, type DependencyList, type RefObject } from 'react';

export interface ScrollEdges {
  /** Content is hidden before the start (scrolled away). */
  start: boolean;
  /** Content is hidden after the end. */
  end: boolean;
}

/** Sub-pixel scroll positions (zoomed or fractional layouts) must not read as overflow. */
const SLACK_PX = 1;

export function scrollEdges(scrollLeft: number, clientWidth: number, scrollWidth: number): ScrollEdges {
  return { start: scrollLeft > SLACK_PX, end: scrollLeft + clientWidth < scrollWidth - SLACK_PX };
}

export function useScrollEdges(ref: RefObject<HTMLElement | null>, deps: DependencyList): ScrollEdges {
  const [edges, setEdges] = useState<ScrollEdges>({ start: false, end: false });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => {
      const next = scrollEdges(el.scrollLeft, el.clientWidth, el.scrollWidth);
      setEdges((prev) => (prev.start === next.start && prev.end === next.end ? prev : next));
    };
    el.addEventListener('scroll', update, { passive: true });
    const win = el.ownerDocument.defaultView;
    win?.addEventListener('resize', update);
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(update);
    // A ResizeObserver reports a newly observed element once, after the browser's own layout.
    // Measuring here instead forced a layout of the whole page inside React's commit (about
    // 25 ms at boot, before the 3D view could start).
    if (observer) observer.observe(el);
    else update();
    return () => {
      el.removeEventListener('scroll', update);
      win?.removeEventListener('resize', update);
      observer?.disconnect();
    };
  }, [ref, ...deps]);
  return edges;
}
