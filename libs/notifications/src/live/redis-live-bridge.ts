import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { LiveEvent, LiveUpdates } from './live-updates';

interface Relayed {
  readonly origin: string;
  readonly userId: string;
  readonly event: LiveEvent;
}

/**
 * Carries live events between processes over Redis pub/sub (when REDIS_URL is set): what one process
 * publishes reaches the streams open in every other. Fire and forget, like the events themselves —
 * a lost message costs freshness only; the console re-reads on reconnect. A process ignores its own
 * messages (it already told its local streams).
 */
export class RedisLiveBridge {
  private readonly origin = randomUUID();
  private removeRelay: (() => void) | null = null;

  constructor(
    private readonly live: LiveUpdates,
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly channel = 'bihuan:live',
  ) {}

  async start(): Promise<void> {
    this.subscriber.on('message', (channel: string, text: string) => {
      if (channel !== this.channel) return;
      const message = parse(text);
      if (message && message.origin !== this.origin) this.live.deliverLocally(message.userId, message.event);
    });
    await this.subscriber.subscribe(this.channel);
    this.removeRelay = this.live.addRelay((userId, event) => {
      const message: Relayed = { origin: this.origin, userId, event };
      this.publisher.publish(this.channel, JSON.stringify(message)).catch(() => undefined);
    });
  }

  stop(): void {
    this.removeRelay?.();
    this.removeRelay = null;
    this.subscriber.disconnect();
    this.publisher.disconnect();
  }
}

function parse(text: string): Relayed | null {
  try {
    const value = JSON.parse(text) as Partial<Relayed>;
    return typeof value.origin === 'string' && typeof value.userId === 'string' && typeof value.event?.type === 'string'
      ? (value as Relayed)
      : null;
  } catch {
    return null;
  }
}
