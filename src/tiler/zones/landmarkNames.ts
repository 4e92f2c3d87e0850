/**
 * Checked Chinese and English names for the landmarks a user can see: every one framed by a scene
 * viewpoint, every one with a heritage tag, and every real building or site the tiler builds.
 * OSM names are community edits: some carry only English (Yuz Museum), some have typos
 * ("Automibile", "Cementary"), some put Chinese into name:en (西岸美術館), some are cut short
 * ("Memorial Museum"). extractOsm.ts writes these names into tiles/<zone>/landmarks.geojson and
 * keeps the OSM values as `name:osm` / `name:en:osm`, so the correction stays visible and revertible.
 *
 * English names are the institution's own English name where it has one. Buildings OSM leaves
 * unnamed get a descriptive name from their tags (`descriptive: true`), never an invented identity.
 */

export interface CheckedName {
  zh: string;
  en: string;
  /** The name describes the feature from its tags; OSM does not say what it is. */
  descriptive?: true;
}

export const CHECKED_LANDMARK_NAMES: Readonly<Record<string, CheckedName>> = {
  // jiading
  'way/156311798': { zh: '上海国际赛车场', en: 'Shanghai International Circuit' },
  'way/206501415': { zh: '上海汽车博物馆', en: 'Shanghai Auto Museum' },
  'way/206501416': { zh: '上海汽车博览会展中心', en: 'Shanghai Automobile Exhibition Center' },
  'way/263926504': { zh: '启后门', en: 'Qihou Gate, Tongji University Jiading Campus' },
  'way/263926505': { zh: '承前门', en: 'Chengqian Gate, Tongji University Jiading Campus' },
  // westbund
  'node/3126004579': { zh: '龙美术馆（西岸馆）', en: 'Long Museum West Bund' },
  'node/6796216885': { zh: '油罐艺术中心', en: 'Tank Shanghai' },
  'way/47011871': { zh: '龙华烈士陵园', en: "Longhua Martyrs' Cemetery" },
  'way/47011877': { zh: '龙华塔', en: 'Longhua Pagoda' },
  'way/279318456': { zh: '龙华机场航站楼', en: 'Longhua Airport Terminal' },
  'way/298135193': { zh: '龙华烈士纪念馆', en: "Longhua Martyrs' Memorial Hall" },
  'way/307455604': { zh: '西岸艺术中心', en: 'West Bund Art Center' },
  'way/404694432': { zh: '龙华寺', en: 'Longhua Temple' },
  'way/488984509': { zh: '上海摄影艺术中心', en: 'Shanghai Center of Photography' },
  'way/496382750': { zh: '江南造船厂', en: 'Jiangnan Shipyard' },
  'way/543033477': { zh: '余德耀美术馆', en: 'Yuz Museum' },
  'way/745277161': { zh: '西岸画廊建筑', en: 'West Bund gallery building', descriptive: true },
  'way/745277164': { zh: '西岸画廊建筑', en: 'West Bund gallery building', descriptive: true },
  'way/745277165': { zh: '西岸画廊建筑', en: 'West Bund gallery building', descriptive: true },
  'way/745277166': { zh: '西岸画廊建筑', en: 'West Bund gallery building', descriptive: true },
  'way/745277167': { zh: '西岸画廊建筑', en: 'West Bund gallery building', descriptive: true },
  'way/745277168': { zh: '西岸美术馆', en: 'West Bund Museum' },
  'way/745536118': { zh: '油罐艺术中心', en: 'Tank Shanghai' },
  'way/985832362': { zh: '卢湾城市规划展览馆', en: 'Luwan Urban Planning Exhibition Hall' },
  'way/1376876640': { zh: '西岸漩心', en: 'West Bund Orbit' },
  // yangpu
  'way/206608461': { zh: '上海犹太难民纪念馆', en: 'Shanghai Jewish Refugees Museum' },
  'way/442989170': { zh: '上海市提篮桥监狱', en: 'Shanghai Tilanqiao Prison' },
  'way/475445627': { zh: '杨树浦水厂', en: 'Yangshupu Waterworks' },
  'way/481557069': { zh: '杨浦滨江人民城市建设规划展示馆', en: "Yangpu Riverside People's City Planning Exhibition Hall" },
  'way/494559926': { zh: '优秀历史建筑 G-Ⅲ-01（1938 年）', en: 'Heritage building G-III-01 (1938)', descriptive: true },
  'way/494841987': { zh: '优秀历史建筑 G-Ⅲ-05 厂房', en: 'Heritage industrial building G-III-05', descriptive: true },
  'way/494841988': { zh: '优秀历史建筑 G-Ⅲ-05 厂房', en: 'Heritage industrial building G-III-05', descriptive: true },
  'way/494841989': { zh: '优秀历史建筑 G-Ⅲ-05 厂房（1933 年）', en: 'Heritage industrial building G-III-05 (1933)', descriptive: true },
  'way/494841990': { zh: '优秀历史建筑 G-Ⅲ-05 厂房（1933 年）', en: 'Heritage industrial building G-III-05 (1933)', descriptive: true },
  'way/1004582323': { zh: '中国烟草博物馆', en: 'China Tobacco Museum' },
  'way/1208662450': { zh: '世界技能博物馆', en: 'World Skills Museum' },
};

/**
 * Properties with the checked names applied: `name` and `name:en` become the checked values, the
 * OSM originals move to `name:osm` and `name:en:osm` (only where OSM had them); `name:zh` stays
 * as OSM has it. Key order is fixed for stable file text.
 */
export function withCheckedName(props: Record<string, unknown>): Record<string, unknown> {
  const checked = CHECKED_LANDMARK_NAMES[String(props['@id'])];
  if (!checked) return props;
  const { name: osmName, 'name:en': osmEn, ...rest } = props;
  return {
    '@id': rest['@id'],
    name: checked.zh,
    'name:en': checked.en,
    ...(osmName !== undefined ? { 'name:osm': osmName } : {}),
    ...(osmEn !== undefined ? { 'name:en:osm': osmEn } : {}),
    ...(checked.descriptive ? { 'name:descriptive': 'yes' } : {}),
    ...rest,
  };
}
