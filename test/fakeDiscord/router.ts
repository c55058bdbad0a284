import type { APIMessage } from 'discord.js';
import type { Journal } from './journal.js';
import type { MessageBody, RecordedRequest } from './types.js';
import type { World } from './world.js';

export interface RouteContext {
  params: Record<string, string>;
  request: RecordedRequest;
  world: World;
  journal: Journal;
  gatewayUrl: string;
  /** Echoes a message the bot created back over the gateway, as Discord does (MESSAGE_CREATE). */
  publish: (message: APIMessage) => void;
}

export interface RouteResult {
  status?: number;
  body?: unknown;
}

export interface Route {
  method: string;
  segments: string[];
  /** Interaction callbacks and webhooks are authorised by their token, not the bot token. */
  auth: boolean;
  handle: (ctx: RouteContext) => RouteResult;
}

export function route(method: string, path: string, auth: boolean, handle: Route['handle']): Route {
  return { method, segments: path.split('/').filter(Boolean), auth, handle };
}

export function matchRoute(routes: Route[], method: string, segments: string[]) {
  for (const candidate of routes) {
    if (candidate.method !== method || candidate.segments.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = candidate.segments.every((part, index) => {
      const actual = segments[index] ?? '';
      if (part.startsWith(':')) params[part.slice(1)] = actual;
      return part.startsWith(':') || part === actual;
    });
    if (matches) return { route: candidate, params };
  }
  return null;
}

export const messageBody = (ctx: RouteContext) => (ctx.request.body ?? {}) as MessageBody;
