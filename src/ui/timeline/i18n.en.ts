/** Strings of the time machine (time slider and replay banner), en; same keys as i18n.zh.ts. */
import type { TimelineDictionary } from './i18n.zh';

export const timelineEn: TimelineDictionary = {
  label: 'Timeline',
  live: 'Live',
  goLive: 'Back to live',
  replay: 'Replay',
  replayAt: 'Replay {{time}}',
  play: 'Play',
  pause: 'Pause',
  speed: 'Speed',
  prevAlert: 'Previous alert',
  nextAlert: 'Next alert',
  loading: 'Loading that moment…',
  from: 'Recorded from {{time}}',
  sourceMemory: 'Last {{minutes}} min recorded in this browser (built-in simulator)',
  sourceServer: 'Recorded by the feed server',
  noAckInPast: 'Alerts cannot be acknowledged or closed during a replay: go back to live',
  tick: {
    alarm: 'Alarm: {{what}}',
    warning: 'Warning: {{what}}',
    incident: 'Incident: {{what}}',
    drill: 'Drill: {{what}}',
  },
  error: 'Replay failed: {{message}}',
  outOfRange: 'The link’s time {{time}} is outside the recorded range',
};
