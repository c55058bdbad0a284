import type { BotContext, ComponentRequest, Reply } from '../src/bot/types.js';
import { UserFacingError } from '../src/bot/types.js';

/**
 * 👍/👎 under an answer: `vote:up:<entryId>` / `vote:down:<entryId>`. One vote per person per
 * entry per server; a second press replaces the first. Not a slash command, so a plain handler.
 */

export const voteCustomId = (value: 'up' | 'down', entryId: string) => `vote:${value}:${entryId}`;

export const feedback = {
  prefix: 'vote',
  execute(request: ComponentRequest, ctx: BotContext): Reply {
    const [direction, ...rest] = request.args;
    const entryId = rest.join(':');
    if ((direction !== 'up' && direction !== 'down') || entryId === '')
      throw new UserFacingError('That button is broken.');
    if (request.guildId !== null) {
      if (!ctx.knowledge.engineFor(request.guildId).entry(entryId))
        throw new UserFacingError('That entry no longer exists.');
      ctx.knowledge.vote(request.guildId, entryId, request.user.id, direction === 'up' ? 1 : -1);
    }
    return { content: 'Thanks for the feedback.', ephemeral: true };
  },
};

export default feedback;
