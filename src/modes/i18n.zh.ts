/** Mode names and the mode shells' strings (zh). */
import { kioskZh } from './kiosk/i18n.zh';
import { screenZh } from './screen/i18n.zh';
import { wallZh } from './wall/i18n.zh';

export const modesZh = {
  label: '工作模式',
  planner: '规划',
  plannerHint: '规划一张图：图层、方案比选、分析与报告',
  screen: '大屏',
  screenHint: '城运中心大屏：城市体征、告警、自动巡航',
  kiosk: '展厅',
  kioskHint: '展厅触摸屏：导览故事，无人时自动复位',
  screenShell: screenZh,
  kioskShell: kioskZh,
  wall: wallZh,
};
