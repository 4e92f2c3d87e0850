/** Chinese strings of the tools' labels on the 3D view (namespace `tools3d`); i18n.en.ts has the same keys. */
export const tools3dZh = {
  units: {
    m: '{{v}} 米',
    km: '{{v}} 千米',
    m2: '{{v}} 平方米',
    ha: '{{v}} 公顷',
    km2: '{{v}} 平方千米',
    deg: '{{v}}°',
    percent: '{{v}}%',
  },
  legs: '水平 {{h}} · 垂直 {{v}}',
  tilt: '倾角 {{value}}',
  heightAboveGround: '离地 {{value}}',
  heightBetween: '高差 {{value}}',
  bearing: '方位角 {{value}}',
  heightLimit: '限高 {{limit}} · 超限 {{over}} 栋',
  maxExcess: '最大超出 {{value}}',
  sightLine: '通视 {{visible}}/{{targets}}',
  blockedBy: '遮挡：{{id}}',
  viewshed: '可视 {{percent}} · {{area}}',
  skyline: '天空占比 {{share}}',
};

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
export type Tools3dDictionary = Shape<typeof tools3dZh>;
