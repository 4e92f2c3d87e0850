/** Re-renders the calling panel every `ms` (UI rate) so it can read live buffers through getState(). */
import { useEffect, useState } from 'react';

export function useUiTick(ms: number): number {
  const [n, setN] = useState(0);
  useEffect(() => {
    const id = setInterval(() => setN((x) => x + 1), ms);
    return () => clearInterval(id);
  }, [ms]);
  return n;
}
