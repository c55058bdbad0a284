export type { IdentifyRecord } from './gateway.js';
export { FakeDiscord, type FakeDiscordOptions, type PendingInteraction, startFakeDiscord } from './server.js';
export type * from './types.js';
