/** wall mode strings (en); registered under modes.wall in src/modes/i18n.en.ts. */
export const wallEn = {
  needsServer: 'A video wall needs the feed server to stay in sync: open this screen with feed=ws&feedUrl=ws://…. The built-in simulator has no sync channel; this screen shows its own view meanwhile.',
  replaced: 'Another leader has taken over this video wall; this screen no longer publishes its view.',
  refused: 'The feed server refused this screen a place on the wall (role or limit); see the error list.',
} as const;
