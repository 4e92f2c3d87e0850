/** stories strings (zh); registered under stories in src/app/i18n/zh.ts. */
export const storiesZh = {} as const;
