import type { BotContext } from '../bot/types.js';
import { UserFacingError } from '../bot/types.js';
import type { KnowledgeStore } from '../store/store.js';
import { createModeration, type Moderation } from './moderation.js';

const NO_STORE = 'Moderation needs the database (DATABASE_PATH), and this bot runs without one.';

/** The moderators' store (changes, declined questions, votes), or a UserFacingError when there is none. */
export function storeFor(ctx: Pick<BotContext, 'knowledge'>): KnowledgeStore {
  const { store } = ctx.knowledge;
  if (!store) throw new UserFacingError(NO_STORE);
  return store;
}

/** The moderation service for a bot context, or a UserFacingError when it has no store. */
export function moderationFor(ctx: Pick<BotContext, 'knowledge'>): Moderation {
  return createModeration(ctx.knowledge, storeFor(ctx));
}
