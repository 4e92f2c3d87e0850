/** Placeholder until the big-screen shell lands: the planner workspace. */
import type { Scene } from '../../scene/schema';
import { Workspace } from '../../app/Workspace';

export function ScreenShell({ scene, getShareUrl }: { scene: Scene; getShareUrl: () => string }) {
  return <Workspace scene={scene} getShareUrl={getShareUrl} onAbout={() => {}} />;
}
