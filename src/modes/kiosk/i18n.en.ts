/** kiosk mode strings (en); registered under modes.kiosk in src/modes/i18n.en.ts. */
export const kioskEn = {} as const;
