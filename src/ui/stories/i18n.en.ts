/** stories strings (en); registered under stories in src/app/i18n/en.ts. */
export const storiesEn = {} as const;
