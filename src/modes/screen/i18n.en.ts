/** screen mode strings (en); registered under modes.screen in src/modes/i18n.en.ts. */
export const screenEn = {} as const;
