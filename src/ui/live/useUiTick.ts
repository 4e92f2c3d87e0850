/** Re-renders the calling panel every `ms` (UI rate) so it can read live buffers through getState(). */
import { useEffect, useState } from 'react';
import { trackInterval } from '../../runtime/tracked';

export function useUiTick(ms: number): number {
  const [n, setN] = useState(0);
  useEffect(() => trackInterval(() => setN((x) => x + 1), ms), [ms]);
  return n;
}
