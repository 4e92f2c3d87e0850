/** Strings of the time machine (time slider and 回放 banner), zh. */
export const timelineZh = {
  label: '时间轴',
  live: '实时',
  goLive: '回到实时',
  replay: '回放',
  replayAt: '回放 {{time}}',
  play: '播放',
  pause: '暂停',
  speed: '倍速',
  prevAlert: '上一条告警',
  nextAlert: '下一条告警',
  loading: '正在载入该时刻…',
  from: '记录起点 {{time}}',
  sourceMemory: '本机记录最近 {{minutes}} 分钟（内置模拟器）',
  sourceServer: '数据服务器记录',
  noAckInPast: '回放中不能确认或关闭告警：请回到实时',
  tick: {
    alarm: '告警：{{what}}',
    warning: '预警：{{what}}',
    incident: '事件：{{what}}',
    drill: '演练：{{what}}',
  },
  error: '回放失败：{{message}}',
  outOfRange: '链接中的时刻 {{time}} 不在记录范围内',
};
export type TimelineDictionary = typeof timelineZh;
