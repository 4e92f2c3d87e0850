/**
 * Plays the zone's stories in any shell: runs the one story controller and shows the player card
 * while a story plays. A shell mounts it once; pickers start a story through the store's setStory
 * (or a `story=` link does), and this follows.
 */
import type { StoryEnd } from '../../modes/stories/storyModel';
import type { Scene } from '../../scene/schema';
import { StoryPlayer, type StoryPlayerProps } from './StoryPlayer';
import { useStoryController } from './useStoryController';

export interface StoryHostProps {
  scene: Scene;
  /** 'loop' for an attract loop or a wall; a visitor's or planner's story stops on its last step. */
  atEnd?: StoryEnd;
  variant?: StoryPlayerProps['variant'];
  /** False hides the close button (the kiosk's attract loop). */
  closable?: boolean;
}

export function StoryHost({ scene, atEnd = 'stop', variant = 'planner', closable = true }: StoryHostProps) {
  const c = useStoryController(scene, atEnd);
  if (!c.view) return null;
  return (
    <StoryPlayer
      view={c.view}
      variant={variant}
      onPrev={c.prev}
      onNext={c.next}
      onTap={c.tap}
      {...(closable ? { onClose: c.close } : {})}
    />
  );
}
