/**
 * Chinese urban land-use classes (GB 50137-2011, 城市用地分类与规划建设用地标准), major categories.
 * Colours follow the conventional planning palette used on 控规 maps.
 */
export const LAND_USE_CLASSES = ['R', 'A', 'B', 'M', 'W', 'S', 'U', 'G', 'E'] as const;
export type LandUseClass = (typeof LAND_USE_CLASSES)[number];

export const LAND_USE_INFO: Record<LandUseClass, { zh: string; en: string; colorHex: string }> = {
  R: { zh: '居住用地', en: 'Residential', colorHex: '#f6e27a' },
  A: { zh: '公共管理与公共服务用地', en: 'Public administration & services', colorHex: '#f08fb0' },
  B: { zh: '商业服务业设施用地', en: 'Commercial & business', colorHex: '#e8574b' },
  M: { zh: '工业用地', en: 'Industrial', colorHex: '#b08a64' },
  W: { zh: '物流仓储用地', en: 'Logistics & warehousing', colorHex: '#a48bc4' },
  S: { zh: '道路与交通设施用地', en: 'Roads & transport facilities', colorHex: '#9e9e9e' },
  U: { zh: '公用设施用地', en: 'Public utilities', colorHex: '#4f9fb0' },
  G: { zh: '绿地与广场用地', en: 'Green space & squares', colorHex: '#6fbf5f' },
  E: { zh: '非建设用地（水域等）', en: 'Non-development (water etc.)', colorHex: '#7fb4e6' },
};

export function isLandUseClass(v: unknown): v is LandUseClass {
  return typeof v === 'string' && (LAND_USE_CLASSES as readonly string[]).includes(v);
}
