/** screen mode strings (zh); registered under modes.screenShell in src/modes/i18n.zh.ts. */
export const screenZh = {
  title: '城运中心大屏',
  hud: '大屏信息层',
  clock: '北京时间',
  weather: {
    label: '天气',
    'rainstorm-drill': '暴雨（演练）',
    'standing-water': '积水（疑似强降雨）',
    'no-data': '无气象数据',
    water: '下立交积水 {{v}} cm',
    note: '实时数据流不含降雨量：此处依据暴雨演练状态与下立交积水传感器',
  },
  freshness: {
    label: '数据',
    age: '{{s}} 秒前',
    none: '尚无数据',
  },
  tour: {
    label: '自动巡航',
    state: { playing: '巡航中', paused: '已暂停', interrupted: '告警接管' },
    step: '第 {{n}} / {{total}} 站',
    prev: '上一站',
    next: '下一站',
    pause: '暂停巡航',
    resume: '继续巡航',
    keys: '空格 暂停/继续 · ← → 切换站点 · A 确认告警',
    none: '本区未配置巡航路线',
  },
  alarm: {
    title: '告警接管巡航',
    raisedAt: '{{time}} 发生',
    resumeIn: '{{s}} 秒后继续巡航',
    ack: '确认告警（A）',
  },
  ticker: {
    label: '实时告警',
    empty: '暂无未关闭告警',
    acked: '已确认',
    focused: '按 A 确认',
    more: '共 {{n}} 条未关闭',
  },
  columns: {
    left: '交通运行',
    right: '设施与环境',
  },
};
