/** screen mode strings (en); registered under modes.screenShell in src/modes/i18n.en.ts. Same shape as i18n.zh.ts. */
import type { screenZh } from './i18n.zh';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const screenEn: Shape<typeof screenZh> = {
  title: 'Operation-centre screen',
  hud: 'Big-screen overlay',
  clock: 'Beijing time',
  weather: {
    label: 'Weather',
    'rainstorm-drill': 'Rainstorm (drill)',
    'standing-water': 'Standing water (likely heavy rain)',
    'no-data': 'No weather data',
    water: 'Underpass water {{v}} cm',
    note: 'The live feed carries no rainfall: this reads the rainstorm drill and the underpass water sensors',
  },
  freshness: {
    label: 'Data',
    age: '{{s}} s ago',
    none: 'No data yet',
  },
  tour: {
    label: 'Camera tour',
    state: { playing: 'Touring', paused: 'Paused', interrupted: 'Alarm' },
    step: 'Stop {{n}} of {{total}}',
    prev: 'Previous stop',
    next: 'Next stop',
    pause: 'Pause tour',
    resume: 'Resume tour',
    keys: 'Space pause/resume · ← → change stop · A acknowledge alarm',
    none: 'No camera tour is set up for this zone',
  },
  alarm: {
    title: 'Alarm: tour interrupted',
    raisedAt: 'Raised {{time}}',
    resumeIn: 'Tour resumes in {{s}} s',
    ack: 'Acknowledge (A)',
  },
  ticker: {
    label: 'Live alerts',
    empty: 'No open alerts',
    acked: 'Acknowledged',
    focused: 'Press A to acknowledge',
    more: '{{n}} open in all',
  },
  columns: {
    left: 'Traffic',
    right: 'Facilities and environment',
  },
};
