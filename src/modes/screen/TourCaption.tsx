/**
 * The current tour stop's caption over the centre of the 3D view, with the tour's name, where it
 * is ("stop 2 of 6"), whether it plays, and the operator keys. A zone without a tour says so.
 */
import { useTranslation } from 'react-i18next';
import type { Scene } from '../../scene/schema';
import { useAppStore } from '../../state/hooks';
import { carouselTourId } from './screenTour';
import type { TourHud } from './useTourController';

export function TourCaption({ scene, tour }: { scene: Scene; tour: TourHud }) {
  const { t } = useTranslation();
  const lang = useAppStore((s) => s.language);
  const zones = useAppStore((s) => s.zones);
  const snap = tour.snapshot;
  if (!snap || !tour.caption) {
    return (
      <section className="st-screen__caption st-screen__card" data-screen-part="caption" data-testid="tour-caption" data-state="none">
        <p className="st-screen__caption-text">{t('modes.screenShell.tour.none')}</p>
      </section>
    );
  }
  // A carousel's tour may belong to another zone than the one shown for a moment while it switches.
  const tourScene = zones.find((z) => z.id === snap.zone)?.scene ?? scene;
  const name = tourScene.tours?.find((x) => x.id === snap.id || carouselTourId(snap.zone, x.id) === snap.id)?.name[lang] ?? snap.id;
  return (
    <section
      className="st-screen__caption st-screen__card"
      data-screen-part="caption"
      data-testid="tour-caption"
      data-state={snap.state}
      data-step={snap.step}
      aria-live="polite"
    >
      <header className="st-screen__caption-head">
        <span className="st-screen__caption-state" data-state={snap.state}>
          {t(`modes.screenShell.tour.state.${snap.state}`)}
        </span>
        <span>{name}</span>
        <span className="st-screen__caption-step">{t('modes.screenShell.tour.step', { n: snap.step + 1, total: tour.stops })}</span>
      </header>
      <p className="st-screen__caption-text" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
        {tour.caption[lang]}
      </p>
      <p className="st-screen__caption-keys">{t('modes.screenShell.tour.keys')}</p>
    </section>
  );
}
