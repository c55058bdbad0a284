import type { IncomingMessage } from 'node:http';
import { DiscordHttpError } from './errors.js';
import type { RecordedFile } from './types.js';

export interface ParsedBody {
  body: unknown;
  files: RecordedFile[];
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new DiscordHttpError(400, 50109, 'The request body contains invalid JSON.');
  }
}

/**
 * Reads a JSON or multipart/form-data body. discord.js switches to multipart as soon as files are
 * attached, putting the JSON in `payload_json` and the files in `files[n]` parts.
 */
export async function parseBody(req: IncomingMessage): Promise<ParsedBody> {
  const raw = await readAll(req);
  const contentType = req.headers['content-type'] ?? '';
  if (raw.length === 0) return { body: null, files: [] };
  if (contentType.startsWith('multipart/form-data')) {
    // undici's Response already implements a spec-compliant multipart parser; no need to hand-roll one.
    const form = await new Response(new Uint8Array(raw), {
      headers: { 'content-type': contentType },
    }).formData();
    let body: unknown = null;
    const files: RecordedFile[] = [];
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body = parseJson(value);
        continue;
      }
      files.push({
        field,
        filename: value.name,
        contentType: value.type || 'application/octet-stream',
        data: Buffer.from(await value.arrayBuffer()),
      });
    }
    return { body, files };
  }
  const text = raw.toString('utf8');
  return { body: contentType.startsWith('application/json') ? parseJson(text) : text, files: [] };
}
