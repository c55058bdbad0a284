import type { BotContext } from '../bot/types.js';
import { UserFacingError } from '../bot/types.js';
import { createModeration, type Moderation } from './moderation.js';

const NO_STORE = 'Moderation needs the database (DATABASE_PATH), and this bot runs without one.';

/** The moderation service for a bot context, or a UserFacingError when it has no store. */
export function moderationFor(ctx: Pick<BotContext, 'knowledge'>): Moderation {
  const { store } = ctx.knowledge;
  if (!store) throw new UserFacingError(NO_STORE);
  return createModeration(ctx.knowledge, store);
}
