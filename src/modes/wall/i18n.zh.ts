/** wall mode strings (zh); registered under modes.wall in src/modes/i18n.zh.ts. */
export const wallZh = {} as const;
