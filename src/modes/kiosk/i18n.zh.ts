/** kiosk mode strings (zh); registered under modes.kiosk in src/modes/i18n.zh.ts. */
export const kioskZh = {} as const;
