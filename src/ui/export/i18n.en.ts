/** export strings (en); registered under export in src/app/i18n/en.ts. */
export const exportEn = {} as const;
