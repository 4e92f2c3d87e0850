/** kiosk mode strings (zh); registered under modes.kiosk in src/modes/i18n.zh.ts. */
export const kioskZh = {
  label: '展厅触摸屏',
  home: '回到首页',
  zones: '切换区域',
  zonesTitle: '选择示范区',
  stories: '导览故事',
  close: '关闭',
  stillThere: '仍在使用吗？',
  resetIn: '{{s}} 秒后回到首页',
  keepUsing: '继续使用',
  touchToStart: '轻触开始',
  attractLabel: '轻触屏幕开始使用',
  current: '当前',
} as const;
