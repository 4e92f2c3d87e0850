/** kiosk mode strings (en); registered under modes.kiosk in src/modes/i18n.en.ts. */
export const kioskEn = {
  label: 'Exhibition touch screen',
  home: 'Home',
  zones: 'Zones',
  zonesTitle: 'Choose a demonstration zone',
  stories: 'Stories',
  close: 'Close',
  stillThere: 'Still there?',
  resetIn: 'Back to the start in {{s}} s',
  keepUsing: 'Keep exploring',
  touchToStart: 'Touch to start',
  attractLabel: 'Touch the screen to start',
  current: 'Current',
} as const;
