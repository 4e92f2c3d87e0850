/** English strings of the tools' labels on the 3D view; same keys as i18n.zh.ts (checked by its type). */
import type { Tools3dDictionary } from './i18n.zh';

export const tools3dEn: Tools3dDictionary = {
  units: {
    m: '{{v}} m',
    km: '{{v}} km',
    m2: '{{v}} m²',
    ha: '{{v}} ha',
    km2: '{{v}} km²',
    deg: '{{v}}°',
    percent: '{{v}} %',
  },
  legs: 'horiz. {{h}} · vert. {{v}}',
  tilt: 'tilt {{value}}',
  heightAboveGround: 'above ground {{value}}',
  heightBetween: 'height diff. {{value}}',
  bearing: 'bearing {{value}}',
  heightLimit: 'limit {{limit}} · {{over}} over',
  maxExcess: 'max. excess {{value}}',
  sightLine: 'visible {{visible}}/{{targets}}',
  blockedBy: 'blocked by {{id}}',
  viewshed: 'visible {{percent}} · {{area}}',
  skyline: 'sky share {{share}}',
};
