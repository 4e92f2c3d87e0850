/** stories strings (en); registered under stories in src/app/i18n/en.ts. */
export const storiesEn = {
  entry: 'Stories',
  pickerTitle: 'Guided stories',
  pickerHint: 'Choose a story and let the camera show you the zone',
  none: 'This zone has no stories yet',
  steps: '{{n}} steps',
  play: 'Play',
  playerLabel: 'Story player',
  stepOf: 'Step {{step}} of {{total}}',
  prev: 'Previous',
  next: 'Next',
  close: 'Close story',
  closePicker: 'Close',
  restart: 'Play again',
  nextIn: 'Next in {{s}} s',
  tapToContinue: 'Tap to continue',
  ended: 'End of the story',
} as const;
