/**
 * The caption card of a playing story: its title, "step x of n", the caption in the UI language,
 * the step's countdown (or "tap to continue"), previous / next and close. A tap on the caption
 * moves on, as visitors expect of a card that says so. Draws only: the controller owns the story.
 */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/hooks';
import type { StoryView } from './StoryDriver';
import './stories.css';

export interface StoryPlayerProps {
  view: StoryView;
  onPrev(): void;
  onNext(): void;
  onTap(): void;
  /** Absent: no close button (the kiosk's attract loop, which a touch ends anyway). */
  onClose?: () => void;
  /** Sizing of the card: the planner's HUD, the kiosk's touch screen, the big screen's canvas. */
  variant?: 'planner' | 'kiosk' | 'screen';
}

const HTML_LANG = { zh: 'zh-CN', en: 'en' } as const;

export function StoryPlayer({ view, onPrev, onNext, onTap, onClose, variant = 'planner' }: StoryPlayerProps) {
  const { t } = useTranslation();
  const lang = useAppStore((s) => s.language);
  const step = view.story.steps[view.step];
  if (!step) return null;
  const status = view.ended ? t('stories.ended') : view.secondsLeft !== null ? t('stories.nextIn', { s: view.secondsLeft }) : t('stories.tapToContinue');
  return (
    <section
      className={`st-story st-story--${variant} st-panel`}
      aria-label={t('stories.playerLabel')}
      data-testid="story-player"
      data-story={view.story.id}
      data-step={view.step + 1}
      lang={HTML_LANG[lang]}
    >
      <header className="st-story__head">
        <h2 className="st-story__title">{view.story.title[lang]}</h2>
        <span className="st-story__count">{t('stories.stepOf', { step: view.step + 1, total: view.count })}</span>
        {onClose && (
          <button type="button" className="st-icon-btn st-story__close" aria-label={t('stories.close')} onClick={onClose}>
            ×
          </button>
        )}
      </header>
      <button type="button" className="st-story__caption" data-testid="story-caption" onClick={onTap}>
        {step.caption[lang]}
      </button>
      <div className="st-story__progress" aria-hidden="true">
        {view.story.steps.map((_, i) => (
          <span key={i} className="st-story__dot" data-on={i === view.step || undefined} data-done={i < view.step || undefined} />
        ))}
      </div>
      <footer className="st-story__foot">
        <button type="button" className="st-btn st-story__prev" onClick={onPrev} disabled={view.step === 0 && !view.ended}>
          {t('stories.prev')}
        </button>
        <span className="st-story__status" role="status">
          {status}
        </span>
        <button type="button" className="st-btn st-story__next" onClick={view.ended ? onTap : onNext}>
          {view.ended ? t('stories.restart') : t('stories.next')}
        </button>
      </footer>
    </section>
  );
}
