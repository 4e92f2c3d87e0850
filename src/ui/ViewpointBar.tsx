/**
 * Named viewpoints of the zone. The one the camera currently rests at is marked, by comparing the
 * published camera pose with the viewpoints, so the mark stays true after the user orbits away.
 * When the chips do not fit (long English names, a narrow screen) the list scrolls, its cut edge
 * fades, and arrow buttons page through it, so a cut chip never reads as the end of the list.
 */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { matchViewpoint } from '../app/urlState';
import type { Scene } from '../scene/schema';
import { useAppStore } from '../state/hooks';
import { useScrollEdges } from './useScrollEdges';

/** One press of an arrow pages by this share of the visible width, so a chip stays in view as a landmark. */
const PAGE_SHARE = 0.8;

/** Smooth paging, unless the user asked for less motion (and kiosks and walls usually do). */
function reducedMotion(el: HTMLElement): boolean {
  return el.ownerDocument.defaultView?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

function page(list: HTMLElement | null, dir: 1 | -1): void {
  if (!list) return;
  const left = dir * list.clientWidth * PAGE_SHARE;
  if (typeof list.scrollBy === 'function') list.scrollBy({ left, behavior: reducedMotion(list) ? 'auto' : 'smooth' });
  else list.scrollLeft += left;
}

export function ViewpointBar({ scene }: { scene: Scene }) {
  const { t } = useTranslation();
  const lang = useAppStore((s) => s.language);
  const pose = useAppStore((s) => s.cameraPose);
  const flyToViewpoint = useAppStore((s) => s.flyToViewpoint);
  const current = matchViewpoint(pose, scene.viewpoints);
  const listRef = useRef<HTMLUListElement>(null);
  const edges = useScrollEdges(listRef, [scene.viewpoints, lang]);
  const overflowing = edges.start || edges.end;
  return (
    <nav
      className="st-viewpoints st-panel"
      aria-label={t('viewpoints.label')}
      data-more-before={edges.start || undefined}
      data-more-after={edges.end || undefined}
    >
      <span className="st-viewpoints__title" aria-hidden="true">
        {t('viewpoints.label')}
      </span>
      {overflowing && (
        <button
          type="button"
          className="st-icon-btn st-viewpoints__page"
          aria-label={t('hud.viewpointsBack')}
          disabled={!edges.start}
          onClick={() => page(listRef.current, -1)}
        >
          ‹
        </button>
      )}
      <ul className="st-viewpoints__list" ref={listRef}>
        {scene.viewpoints.map((v) => (
          <li key={v.id}>
            <button
              type="button"
              className="st-chip"
              aria-current={current === v.id ? 'location' : undefined}
              title={t('viewpoints.flyTo', { name: v.name[lang] })}
              onClick={() => flyToViewpoint(v.id)}
            >
              {v.name[lang]}
            </button>
          </li>
        ))}
      </ul>
      {overflowing && (
        <button
          type="button"
          className="st-icon-btn st-viewpoints__page"
          aria-label={t('hud.viewpointsMore')}
          disabled={!edges.end}
          onClick={() => page(listRef.current, 1)}
        >
          ›
        </button>
      )}
    </nav>
  );
}
