import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseBody } from './body.js';
import { DiscordHttpError } from './errors.js';
import type { Journal } from './journal.js';
import { matchRoute, type RouteContext, type RouteResult } from './router.js';
import { routes } from './routes.js';
import type { RecordedRequest } from './types.js';
import type { World } from './world.js';

export interface RestDeps {
  world: World;
  journal: Journal;
  gatewayUrl: () => string;
  publish: RouteContext['publish'];
}

/**
 * Splits `/api/v10/webhooks/1/tok/messages/%40original` into decoded segments. Decoding per segment
 * matters: discord.js encodes `@original` as `%40original`, and a decoded `/` must not split a segment.
 */
function splitPath(pathname: string): string[] | null {
  const segments = pathname.split('/').filter(Boolean);
  if (segments[0] !== 'api') return null;
  const rest = /^v\d+$/.test(segments[1] ?? '') ? segments.slice(2) : segments.slice(1);
  try {
    return rest.map((segment) => decodeURIComponent(segment));
  } catch {
    return rest;
  }
}

function respond(res: ServerResponse, result: RouteResult): void {
  const status = result.status ?? 200;
  if (status === 204 || result.body === undefined) {
    res.writeHead(status).end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(result.body));
}

const NOT_FOUND: RouteResult = { status: 404, body: { message: '404: Not Found', code: 0 } };

function run(
  req: IncomingMessage,
  record: RecordedRequest,
  segments: string[] | null,
  deps: RestDeps,
): RouteResult {
  const match = segments ? matchRoute(routes, record.method, segments) : null;
  if (!match) return NOT_FOUND;
  const expected = `Bot ${deps.world.token}`;
  const header = req.headers.authorization;
  // A wrong token is always refused; a missing one only where Discord requires the bot token.
  if ((header !== undefined && header !== expected) || (match.route.auth && header === undefined)) {
    return { status: 401, body: { message: '401: Unauthorized', code: 0 } };
  }
  try {
    return match.route.handle({
      params: match.params,
      request: record,
      world: deps.world,
      journal: deps.journal,
      gatewayUrl: deps.gatewayUrl(),
      publish: deps.publish,
    });
  } catch (error) {
    if (error instanceof DiscordHttpError) return { status: error.status, body: error.toJSON() };
    // A bug in the fake itself: answer like Discord's 500 and keep the stack visible in the test output.
    console.error('fakeDiscord route failed', error);
    return { status: 500, body: { message: '500: Internal Server Error', code: 0 } };
  }
}

/** The node:http request listener serving Discord's REST API under `/api/v10`. */
export function createRestListener(deps: RestDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const segments = splitPath(url.pathname);
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: segments ? `/${segments.join('/')}` : url.pathname,
      query: Object.fromEntries(url.searchParams),
      authorization: req.headers.authorization ?? null,
      body: null,
      files: [],
      status: 0,
      response: undefined,
    };
    let result: RouteResult;
    try {
      Object.assign(record, await parseBody(req));
      result = run(req, record, segments, deps);
    } catch (error) {
      result =
        error instanceof DiscordHttpError
          ? { status: error.status, body: error.toJSON() }
          : { status: 400, body: { message: String(error), code: 0 } };
    }
    record.status = result.status ?? 200;
    record.response = result.body;
    // Logged before answering, so anything the bot awaited is already visible to the test.
    deps.journal.requests.push(record);
    if (result === NOT_FOUND) deps.journal.unknownRoutes.push(record);
    respond(res, result);
  };
}
