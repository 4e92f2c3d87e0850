/** wall mode strings (zh); registered under modes.wall in src/modes/i18n.zh.ts. */
export const wallZh = {
  needsServer: '视频墙需要数据服务器同步：请以 feed=ws&feedUrl=ws://… 打开本屏。内置模拟器无同步通道，本屏暂时显示自己的画面。',
  replaced: '另一台主控已接管此视频墙，本屏不再发布画面。',
  refused: '数据服务器拒绝本屏加入视频墙（权限或数量限制），详见错误列表。',
} as const;
