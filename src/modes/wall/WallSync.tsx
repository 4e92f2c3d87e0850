/**
 * Mounted around every mode's shell (app/ModeShell.tsx), so a planner, big-screen or kiosk page can
 * be a video-wall screen: it owns the wall port the shell's FeedHost plugs its feed into, runs the
 * sync when the link or scene names a wall, and shows why a wall screen is not in sync, if it is not.
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { WallPort, WallPortContext } from '../../state/wallPort';
import { useWallSync, type WallNotice } from './useWallSync';
import './wall.css';

const NOTICE_KEYS: Record<WallNotice, string> = {
  'needs-server': 'modes.wall.needsServer',
  replaced: 'modes.wall.replaced',
  refused: 'modes.wall.refused',
};

export function WallSync({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [port] = useState(() => new WallPort());
  const notice = useWallSync(port);
  return (
    <WallPortContext.Provider value={port}>
      {children}
      {notice && (
        <div className="st-wall-notice" role="status" data-testid="wall-notice" data-notice={notice}>
          {t(NOTICE_KEYS[notice])}
        </div>
      )}
    </WallPortContext.Provider>
  );
}
