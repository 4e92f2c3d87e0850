/** wall mode strings (en); registered under modes.wall in src/modes/i18n.en.ts. */
export const wallEn = {} as const;
