/** The zone's stories as a list of large choices: title, what it shows, how many steps. */
import { useTranslation } from 'react-i18next';
import type { Story } from '../../scene/storySchema';
import { useAppStore } from '../../state/hooks';
import './stories.css';

export interface StoryPickerProps {
  stories: readonly Story[];
  onPick(storyId: string): void;
  /** Absent: the picker is part of a screen that closes it another way. */
  onClose?: () => void;
  /** The story playing now, marked in the list. */
  currentId?: string | null;
  variant?: 'planner' | 'kiosk';
}

export function StoryPicker({ stories, onPick, onClose, currentId = null, variant = 'planner' }: StoryPickerProps) {
  const { t } = useTranslation();
  const lang = useAppStore((s) => s.language);
  return (
    <section className={`st-story-picker st-story-picker--${variant} st-panel`} aria-label={t('stories.pickerTitle')} data-testid="story-picker">
      <header className="st-story-picker__head">
        <h2 className="st-story-picker__title">{t('stories.pickerTitle')}</h2>
        {onClose && (
          <button type="button" className="st-btn st-story-picker__close" onClick={onClose}>
            {t('stories.closePicker')}
          </button>
        )}
      </header>
      {stories.length === 0 ? (
        <p className="st-muted">{t('stories.none')}</p>
      ) : (
        <>
          <p className="st-muted st-story-picker__hint">{t('stories.pickerHint')}</p>
          <ul className="st-story-picker__list">
            {stories.map((s) => (
              <li key={s.id}>
                <button
                  type="button"
                  className="st-story-picker__item"
                  aria-pressed={s.id === currentId}
                  data-story={s.id}
                  onClick={() => onPick(s.id)}
                >
                  <span className="st-story-picker__name">{s.title[lang]}</span>
                  <span className="st-story-picker__summary">{s.summary[lang]}</span>
                  <span className="st-story-picker__steps">{t('stories.steps', { n: s.steps.length })}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
