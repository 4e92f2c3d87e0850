/** The right-hand live column: the selected thing's panel, the city vital signs and the alert list. */
import type { Scene } from '../../scene/schema';
import { AlertList } from './AlertList';
import { LiveDetail } from './LiveDetail';
import { VitalsPanel } from './VitalsPanel';
import './live.css';

export function LiveSidebar({ scene }: { scene: Scene }) {
  return (
    <div className="st-live-side">
      <LiveDetail scene={scene} />
      <VitalsPanel />
      <AlertList />
    </div>
  );
}
