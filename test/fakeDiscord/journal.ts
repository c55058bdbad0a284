import { Recorder } from './recorder.js';
import type {
  ChannelMessageRecord,
  InteractionCallbackRecord,
  RecordedRequest,
  WebhookRecord,
} from './types.js';

/** Everything the bot did over REST, in order, for tests to assert on or wait for. */
export class Journal {
  readonly requests = new Recorder<RecordedRequest>();
  readonly unknownRoutes = new Recorder<RecordedRequest>();
  readonly callbacks = new Recorder<InteractionCallbackRecord>();
  readonly webhooks = new Recorder<WebhookRecord>();
  readonly channelMessages = new Recorder<ChannelMessageRecord>();

  /** A one-line-per-request trail, appended to timeout errors so a failing test shows what the bot did instead. */
  trail(last = 8): string {
    const lines = this.requests.items
      .slice(-last)
      .map((request) => `  ${request.method} ${request.path} -> ${request.status}`);
    return lines.length ? `\nLast REST requests:\n${lines.join('\n')}` : '\nThe bot made no REST requests.';
  }

  close(reason: string): void {
    for (const recorder of [
      this.requests,
      this.unknownRoutes,
      this.callbacks,
      this.webhooks,
      this.channelMessages,
    ]) {
      recorder.close(reason);
    }
  }
}
