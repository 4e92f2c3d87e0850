/** stories strings (zh); registered under stories in src/app/i18n/zh.ts. */
export const storiesZh = {
  entry: '导览故事',
  pickerTitle: '导览故事',
  pickerHint: '选择一个故事，跟随镜头了解示范区',
  none: '本区域暂无导览故事',
  steps: '共 {{n}} 步',
  play: '播放',
  playerLabel: '导览故事播放器',
  stepOf: '第 {{step}} / {{total}} 步',
  prev: '上一步',
  next: '下一步',
  close: '关闭故事',
  closePicker: '关闭',
  restart: '重新播放',
  nextIn: '{{s}} 秒后继续',
  tapToContinue: '轻触继续',
  ended: '故事已结束',
} as const;
