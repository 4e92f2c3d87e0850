/** Mode names and the mode shells' strings (en). */
import { kioskEn } from './kiosk/i18n.en';
import { screenEn } from './screen/i18n.en';
import { wallEn } from './wall/i18n.en';

export const modesEn = {
  label: 'Working mode',
  planner: 'Planner',
  plannerHint: 'Planning map: layers, scheme comparison, analyses and reports',
  screen: 'Big screen',
  screenHint: 'Operation-centre screen: city vital signs, alerts, camera tour',
  kiosk: 'Kiosk',
  kioskHint: 'Exhibition touch screen: guided stories, resets when idle',
  screenShell: screenEn,
  kioskShell: kioskEn,
  wall: wallEn,
};
