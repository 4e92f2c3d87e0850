/**
 * Tile streaming status for each tileset of the zone, whether the view has settled, the cache
 * size, the "detail reduced" notice, and error counters by category. `feedSlot` is a separate
 * section for live-feed status, filled by the feed layer when it exists; nothing is shown there
 * until then.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scene } from '../scene/schema';
import { useAppStore } from '../state/hooks';
import type { ErrorCategory } from '../state/errorsSlice';
import { EMPTY_TILESET_STATUS } from '../state/tilesSlice';

const CATEGORIES: ErrorCategory[] = ['scene', 'url', 'tileset', 'tile', 'feed', 'webgl', 'import', 'runtime'];
const BYTES_PER_MB = 1024 * 1024;

export function StatusBar({ scene, feedSlot }: { scene: Scene; feedSlot?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const lang = useAppStore((s) => s.language);
  const tilesets = useAppStore((s) => s.tilesets);
  const counts = useAppStore((s) => s.errorCounts);

  const rows = scene.tilesets.map((ref) => ({ ref, status: tilesets[ref.id] ?? EMPTY_TILESET_STATUS }));
  const settled = rows.every((r) => r.status.settled);
  const cachedMB = rows.reduce((sum, r) => sum + r.status.cachedBytes, 0) / BYTES_PER_MB;
  const detailReduced = rows.some((r) => r.status.detailReduced);
  const nonZero = CATEGORIES.filter((c) => counts[c] > 0);
  const fmt = new Intl.NumberFormat(i18n.language === 'en' ? 'en' : 'zh-CN', { maximumFractionDigits: 1 });

  return (
    <footer className="st-statusbar st-panel" aria-label={t('status.label')}>
      <section className="st-statusbar__tiles" aria-label={t('status.tiles')}>
        <ul className="st-statusbar__tilesets">
          {rows.map(({ ref, status }) => {
            // The bar stays one line, so these may be shortened on screen; the title keeps them whole.
            const counts = `${t('status.loaded', { n: status.loaded })} · ${t('status.failed', { n: status.failed })} · ${t('status.inFlight', { n: status.inFlight })}`;
            return (
              <li key={ref.id} className="st-tileset" data-root={status.root} data-testid={`tileset-${ref.id}`}>
                <span className={`st-dot st-dot--${status.root}`} aria-hidden="true" />
                <span className="st-tileset__name" title={ref.name[lang]}>{ref.name[lang]}</span>
                {status.root === 'failed' ? (
                  <span className="st-tileset__failed">{t('status.rootFailed')}</span>
                ) : (
                  <span className="st-tileset__counts" title={counts}>{counts}</span>
                )}
              </li>
            );
          })}
        </ul>
        <span className={`st-settled ${settled ? 'st-settled--yes' : ''}`} data-testid="settled">
          {settled ? t('status.settled') : t('status.loading')}
        </span>
        <span className="st-muted">{t('status.cache', { mb: fmt.format(cachedMB) })}</span>
        {detailReduced && (
          <span className="st-badge st-badge--warn" role="status">
            {t('status.detailReduced')}
          </span>
        )}
      </section>
      <section className="st-statusbar__errors" aria-label={t('status.errorCounts')}>
        {nonZero.length === 0 ? (
          <span className="st-muted">{t('status.noErrors')}</span>
        ) : (
          <ul className="st-counts">
            {nonZero.map((c) => (
              <li key={c} className="st-count" data-testid={`count-${c}`}>
                {t(`errors.category.${c}`)} <strong>{counts[c]}</strong>
              </li>
            ))}
          </ul>
        )}
      </section>
      {feedSlot !== undefined && (
        <section className="st-statusbar__feed" aria-label={t('status.feed')}>
          {feedSlot}
        </section>
      )}
    </footer>
  );
}
