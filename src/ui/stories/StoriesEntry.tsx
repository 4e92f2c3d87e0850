/**
 * The planner's way into the stories: a "Stories" button that opens the zone's story list, and
 * the player while one plays. Picking a story closes the list; the story's steps then move the
 * camera, switch layers and highlight, and closing it gives the planner's own layers back.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scene } from '../../scene/schema';
import { useAppStore, useAppStoreApi } from '../../state/hooks';
import { StoryHost } from './StoryHost';
import { StoryPicker } from './StoryPicker';

export function StoriesEntry({ scene }: { scene: Scene }) {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const current = useAppStore((s) => s.story?.id ?? null);
  const [open, setOpen] = useState(false);
  const stories = scene.stories ?? [];
  return (
    <div className="st-stories-entry">
      {open && (
        <StoryPicker
          stories={stories}
          currentId={current}
          onClose={() => setOpen(false)}
          onPick={(id) => {
            store.getState().setStory({ id, step: 0 });
            setOpen(false);
          }}
        />
      )}
      <StoryHost scene={scene} />
      <button type="button" className="st-btn st-stories-entry__btn" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {t('stories.entry')}
      </button>
    </div>
  );
}
