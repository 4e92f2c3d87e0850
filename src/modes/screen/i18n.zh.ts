/** screen mode strings (zh); registered under modes.screen in src/modes/i18n.zh.ts. */
export const screenZh = {} as const;
