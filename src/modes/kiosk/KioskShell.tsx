/** Placeholder until the kiosk shell lands: the planner workspace. */
import type { Scene } from '../../scene/schema';
import { Workspace } from '../../app/Workspace';

export function KioskShell({ scene }: { scene: Scene }) {
  return <Workspace scene={scene} getShareUrl={() => window.location.href} onAbout={() => {}} />;
}
