import { z } from 'zod';

/** Everything the bot reads from its environment, checked once at start. */
const envSchema = z.object({
  DISCORD_TOKEN: z.string().trim().min(1).optional(),
  DISCORD_CLIENT_ID: z
    .string()
    .trim()
    .regex(/^\d{17,20}$/, 'must be the application id: 17 to 20 digits')
    .optional(),
  DISCORD_GUILD_ID: z
    .string()
    .trim()
    .regex(/^\d{17,20}$/, 'must be a server id: 17 to 20 digits')
    .optional(),
  DISCORD_API_URL: z.url({ protocol: /^https?$/ }).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  STORY_ID: z.string().trim().min(1).optional(),
  STORY_DIR: z.string().trim().min(1).optional(),
  DATABASE_PATH: z.string().trim().min(1).default('var/bot.db'),
  MODERATOR_ROLE_IDS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^\d{17,20}$/, 'must be a comma-separated list of role ids'))),
  ASK_COOLDOWN_COUNT: z.coerce.number().int().min(1).max(1000).default(5),
  ASK_COOLDOWN_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
});

export type Config = Readonly<z.output<typeof envSchema>>;

export class ConfigError extends Error {}

/**
 * The typed, frozen configuration, or a ConfigError listing every bad variable at once.
 * Values are never echoed back: one of them is the token.
 */
export function readConfig(env: NodeJS.ProcessEnv, required: readonly (keyof Config)[] = []): Config {
  // An empty line in .env means "not set", not "set to nothing".
  const present = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''),
  );
  const parsed = envSchema.safeParse(present);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map(
        (i) => `${String(i.path[0])}: ${i.message.replace(/received .*/, 'invalid value')}`,
      );
  for (const key of required) {
    if (present[key] === undefined) problems.push(`${key}: is not set`);
  }
  if (problems.length > 0 || !parsed.success) {
    throw new ConfigError(
      `The environment is not usable (see .env.example):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
  return Object.freeze(parsed.data);
}
