import type { IncomingMessage, Server } from 'node:http';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import { buildGuildCreate, buildReady } from './events.js';
import { randomToken } from './ids.js';
import { Recorder } from './recorder.js';
import type { DropOptions } from './types.js';
import type { World } from './world.js';

// Gateway opcodes (https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway).
const Op = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  Resume: 6,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
} as const;

interface DispatchPayload {
  op: 0;
  t: string;
  s: number;
  d: unknown;
}

export interface GatewaySession {
  id: string;
  seq: number;
  intents: number;
  /** Every dispatch of the session, replayed from here on RESUME. */
  log: DispatchPayload[];
  /** Null while the bot is disconnected; dispatches then only go to the log. */
  socket: WebSocket | null;
}

export interface IdentifyRecord {
  token: string;
  intents: number;
  properties: Record<string, string>;
  compress: boolean;
  shard: [number, number] | null;
}

/** Query parameters of each gateway connection, e.g. `{ v: '10', encoding: 'json' }`. */
export type ConnectionRecord = Record<string, string>;

/** Either the event data, or a function deciding per session (null = this session doesn't get it). */
export type DispatchData = unknown | ((session: GatewaySession) => unknown);

export class FakeGateway {
  /** Set once the HTTP server listens; sent as the gateway URL and `resume_gateway_url`. */
  url = '';
  readonly connections = new Recorder<ConnectionRecord>();
  readonly identifies = new Recorder<IdentifyRecord>();
  readonly readies = new Recorder<{ sessionId: string }>();
  readonly resumes = new Recorder<{ sessionId: string; replayed: number; afterDrop: number }>();
  drops = 0;
  private readonly wss: WebSocketServer;
  private readonly sessions = new Map<string, GatewaySession>();
  private current: GatewaySession | null = null;

  constructor(
    server: Server,
    private readonly world: World,
    private readonly heartbeatIntervalMs: number,
  ) {
    this.wss = new WebSocketServer({ server, path: '/gateway' });
    this.wss.on('connection', (socket, req) => this.onConnection(socket, req));
    this.wss.on('error', () => {});
  }

  get session(): GatewaySession | null {
    return this.current;
  }

  /** Sends (or, while disconnected, queues) a dispatch to the newest session; returns its seq, or null if filtered. */
  dispatch(event: string, data: DispatchData): number | null {
    const session = this.current;
    if (!session)
      throw new Error(
        'fakeDiscord: no bot has identified on the gateway yet; await fake.waitForReady() first',
      );
    const d = typeof data === 'function' ? data(session) : data;
    if (d === null) return null;
    return this.sendDispatch(session, event, d);
  }

  async drop(options: DropOptions = {}): Promise<void> {
    const socket = this.current?.socket;
    if (!this.current || !socket) throw new Error('fakeDiscord: no connected gateway session to drop');
    // Detach first, so everything dispatched from now on waits in the log for the RESUME.
    this.current.socket = null;
    this.drops++;
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    if (options.terminate) socket.terminate();
    else socket.close(options.code ?? 4000, 'fake connection drop');
    await closed;
  }

  close(reason: string): Promise<void> {
    for (const socket of this.wss.clients) socket.terminate();
    for (const recorder of [this.connections, this.identifies, this.readies, this.resumes])
      recorder.close(reason);
    return new Promise((resolve) => this.wss.close(() => resolve()));
  }

  private onConnection(socket: WebSocket, req: IncomingMessage): void {
    // We always answer with uncompressed JSON text frames. discord.js parses text frames as JSON even when
    // it asked for compress=zlib-stream (it only inflates binary frames), so that works either way.
    this.connections.push(Object.fromEntries(new URL(req.url ?? '/', 'http://fake').searchParams));
    let session: GatewaySession | null = null;
    this.send(socket, {
      op: Op.Hello,
      d: { heartbeat_interval: this.heartbeatIntervalMs },
      s: null,
      t: null,
    });

    socket.on('message', (raw: RawData) => {
      let payload: { op?: number; d?: Record<string, unknown> | null };
      try {
        payload = JSON.parse(raw.toString());
      } catch {
        socket.close(4002, 'Error while decoding payload.');
        return;
      }
      switch (payload.op) {
        case Op.Heartbeat:
          this.send(socket, { op: Op.HeartbeatAck, d: null, s: null, t: null });
          break;
        case Op.Identify:
        case Op.Resume:
          if (session) {
            socket.close(4005, 'Already authenticated.');
            break;
          }
          session =
            payload.op === Op.Identify
              ? this.identify(socket, payload.d ?? {})
              : this.resume(socket, payload.d ?? {});
          break;
        default:
          // Presence updates, member requests etc. are accepted and ignored.
          break;
      }
    });
    socket.on('close', (code) => {
      if (!session || session.socket !== socket) return;
      session.socket = null;
      // Like Discord, a clean 1000/1001 close from the client ends the session; anything else may resume.
      if (code === 1000 || code === 1001) this.invalidate(session);
    });
    socket.on('error', () => {});
  }

  private identify(socket: WebSocket, d: Record<string, unknown>): GatewaySession | null {
    if (d.token !== this.world.token) {
      socket.close(4004, 'Authentication failed.');
      return null;
    }
    this.identifies.push({
      token: String(d.token),
      intents: Number(d.intents ?? 0),
      properties: (d.properties ?? {}) as Record<string, string>,
      compress: Boolean(d.compress),
      shard: (d.shard ?? null) as [number, number] | null,
    });
    const session: GatewaySession = {
      id: randomToken('fake-session-'),
      seq: 0,
      intents: Number(d.intents ?? 0),
      log: [],
      socket,
    };
    this.sessions.set(session.id, session);
    this.current = session;
    this.sendDispatch(session, 'READY', buildReady(this.world, session.id, this.url));
    // The guild is announced unavailable in READY; this GUILD_CREATE ends discord.js's wait for guilds
    // (otherwise `waitGuildTimeout`, 15 s by default, passes before clientReady).
    this.sendDispatch(session, 'GUILD_CREATE', buildGuildCreate(this.world));
    this.readies.push({ sessionId: session.id });
    return session;
  }

  private resume(socket: WebSocket, d: Record<string, unknown>): GatewaySession | null {
    const session = this.sessions.get(String(d.session_id));
    if (!session || d.token !== this.world.token) {
      // d: false tells the client to identify afresh.
      this.send(socket, { op: Op.InvalidSession, d: false, s: null, t: null });
      return null;
    }
    if (session.socket && session.socket !== socket) session.socket.terminate();
    session.socket = socket;
    const missed = session.log.filter((payload) => payload.s > Number(d.seq ?? 0));
    for (const payload of missed) this.send(socket, payload);
    // RESUMED carries the current seq rather than a new one, so discord.js counts only the replayed events.
    this.send(socket, { op: Op.Dispatch, t: 'RESUMED', s: session.seq, d: {} });
    this.resumes.push({ sessionId: session.id, replayed: missed.length, afterDrop: this.drops });
    return session;
  }

  private invalidate(session: GatewaySession): void {
    this.sessions.delete(session.id);
    if (this.current === session) this.current = null;
  }

  private sendDispatch(session: GatewaySession, t: string, d: unknown): number {
    const payload: DispatchPayload = { op: Op.Dispatch, t, s: ++session.seq, d };
    session.log.push(payload);
    if (session.socket) this.send(session.socket, payload);
    return payload.s;
  }

  private send(socket: WebSocket, payload: unknown): void {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(payload));
  }
}
