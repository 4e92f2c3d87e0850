/** export strings (zh); registered under export in src/app/i18n/zh.ts. */
export const exportZh = {} as const;
