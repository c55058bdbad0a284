import type { CommandRequest } from '../bot/types.js';
import { UserFacingError } from '../bot/types.js';
import type { Config } from '../config/env.js';
import type { Actor } from '../store/store.js';

/** Who may change facts, decided here and nowhere else. */

export const NOT_IN_SERVER = 'Moderator commands work only in a server.';
export const NOT_A_MODERATOR = 'You need Manage Messages (or a moderator role) to change facts.';

export interface ModeratorCall {
  guildId: string;
  actor: Actor;
}

/** The server and the moderator acting in it, or a UserFacingError before anything is read or written. */
export function requireModerator(
  request: Pick<CommandRequest, 'guildId' | 'member' | 'user'>,
  config: Pick<Config, 'MODERATOR_ROLE_IDS'>,
): ModeratorCall {
  const { guildId, member } = request;
  if (guildId === null || member === null) throw new UserFacingError(NOT_IN_SERVER);
  const hasRole = member.roleIds.some((id) => config.MODERATOR_ROLE_IDS.includes(id));
  if (!member.manageMessages && !hasRole) throw new UserFacingError(NOT_A_MODERATOR);
  return { guildId, actor: { id: request.user.id, name: request.user.name } };
}
