import type { World } from './world.js';

/** READY as Discord sends it to a bot: the guild starts out unavailable and arrives via GUILD_CREATE. */
export function buildReady(world: World, sessionId: string, resumeGatewayUrl: string) {
  return {
    v: 10,
    user: { ...world.botUser, verified: true, mfa_enabled: false, email: null },
    guilds: [{ id: world.guild.id, unavailable: true }],
    session_id: sessionId,
    session_type: 'normal',
    resume_gateway_url: resumeGatewayUrl,
    shard: [0, 1],
    application: { id: world.applicationId, flags: 0 },
    private_channels: [],
    presences: [],
    relationships: [],
    user_settings: {},
    guild_join_requests: [],
    geo_ordered_rtc_regions: [],
    _trace: ['fake-discord'],
  };
}

/** The guild payload shared by GUILD_CREATE and `GET /guilds/:id`. */
export function buildGuild(world: World) {
  return {
    id: world.guild.id,
    name: world.guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: world.guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 1,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    premium_subscription_count: 0,
    premium_progress_bar_enabled: false,
    preferred_locale: 'en-US',
    system_channel_id: world.textChannelId,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    application_id: null,
    widget_enabled: false,
    widget_channel_id: null,
    max_members: 500_000,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    features: [],
    roles: world.roles,
    emojis: [],
    stickers: [],
  };
}

/** GUILD_CREATE with everything discord.js caches: channels, roles and members (the bot's own among them). */
export function buildGuildCreate(world: World) {
  const guildChannels = [...world.channels.values()].filter(
    (channel) => 'guild_id' in channel && channel.guild_id === world.guild.id,
  );
  return {
    ...buildGuild(world),
    unavailable: false,
    joined_at: world.guild.createdAt,
    large: false,
    member_count: world.members.size,
    members: [...world.members.values()],
    channels: guildChannels.map((channel) => {
      // GUILD_CREATE channels omit guild_id; discord.js fills it in from the guild.
      const { guild_id: _guildId, ...rest } = channel as typeof channel & { guild_id?: string };
      return rest;
    }),
    threads: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
