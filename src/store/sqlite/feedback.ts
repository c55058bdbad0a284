import type { Database } from 'better-sqlite3';
import type { DeclinedQuestion, VoteStat } from '../store.js';
import type { DeclinedRow, VoteStatRow } from './rows.js';

/** Prepared once per connection: what readers tell moderators (declined questions and votes). */
export function feedbackQueries(db: Database) {
  const logDeclined = db.prepare<[string, string, string]>(
    `INSERT INTO declined_questions (guild_id, question, count, last_asked) VALUES (?, ?, 1, ?)
     ON CONFLICT (guild_id, question) DO UPDATE
     SET count = count + 1, last_asked = MAX(last_asked, excluded.last_asked)`,
  );
  const topDeclined = db.prepare<[string, number], DeclinedRow>(
    `SELECT question, count, last_asked FROM declined_questions WHERE guild_id = ?
     ORDER BY count DESC, last_asked DESC, question LIMIT ?`,
  );
  const dismissDeclined = db.prepare<[string, string]>(
    'DELETE FROM declined_questions WHERE guild_id = ? AND question = ?',
  );
  const vote = db.prepare<[string, string, string, number, string]>(
    `INSERT INTO votes (guild_id, entry_id, user_id, value, at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (guild_id, entry_id, user_id) DO UPDATE SET value = excluded.value, at = excluded.at`,
  );
  const voteStats = db.prepare<[string, number], VoteStatRow>(
    `SELECT entry_id, SUM(value = 1) AS up, SUM(value = -1) AS down FROM votes WHERE guild_id = ?
     GROUP BY entry_id ORDER BY down DESC, up ASC, entry_id LIMIT ?`,
  );

  return {
    logDeclined: (guildId: string, question: string, at: string): void => {
      logDeclined.run(guildId, question, at);
    },
    topDeclined: (guildId: string, limit: number): DeclinedQuestion[] =>
      topDeclined
        .all(guildId, limit)
        .map((r) => ({ question: r.question, count: r.count, lastAsked: r.last_asked })),
    dismissDeclined: (guildId: string, question: string): void => {
      dismissDeclined.run(guildId, question);
    },
    vote: (guildId: string, entryId: string, userId: string, value: 1 | -1, at: string): void => {
      vote.run(guildId, entryId, userId, value, at);
    },
    voteStats: (guildId: string, limit: number): VoteStat[] =>
      voteStats.all(guildId, limit).map((r) => ({ entryId: r.entry_id, up: r.up, down: r.down })),
  };
}
