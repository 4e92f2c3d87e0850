/** Alert severity colours (the city's red / orange / yellow / blue warning levels), shared by the map and the lists. */
import type { AlertSeverity } from '../../scene/schema';

export const SEVERITY_COLORS: Record<AlertSeverity, string> = {
  critical: '#ef4444',
  major: '#f97316',
  minor: '#facc15',
  info: '#60a5fa',
};
