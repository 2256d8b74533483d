import { Delivery } from '../notification';
import { NotificationChannel } from '../notification-channel.port';

/** One channel against its real local server, with knobs to make that server accept or refuse. */
export interface ChannelUnderTest {
  readonly channel: NotificationChannel;
  /** A delivery to an address the server will answer as told below. */
  readonly delivery: Delivery;
  /** Makes the server refuse it for good (SMTP 5xx, HTTP 4xx). */
  refusePermanently(): void;
  /** Makes the server refuse it for now (SMTP 4xx, HTTP 5xx). */
  refuseForNow(): void;
  /** Makes the address unreachable (nothing listens). */
  unreachable(): Promise<void>;
  /** How many messages the server accepted for the delivery. */
  accepted(): number;
  teardown(): Promise<void>;
}

/**
 * What every channel that leaves the process promises the outbox: `sent` only when the receiver
 * took it, `failed` for a permanent refusal (no retry mends it), `retry` for a passing one and for
 * a receiver that cannot be reached — and never a throw for any of these.
 */
export function notificationChannelContract(name: string, setup: () => Promise<ChannelUnderTest>): void {
  describe(`NotificationChannel contract: ${name}`, () => {
    let t: ChannelUnderTest;
    beforeEach(async () => {
      t = await setup();
    });
    afterEach(() => t.teardown());

    it('answers sent when the receiver accepts, and the receiver has it', async () => {
      await expect(t.channel.deliver(t.delivery)).resolves.toEqual({ status: 'sent' });
      expect(t.accepted()).toBe(1);
    });

    it('answers failed for a permanent refusal', async () => {
      t.refusePermanently();
      const result = await t.channel.deliver(t.delivery);
      expect(result.status).toBe('failed');
      expect(t.accepted()).toBe(0);
    });

    it('answers retry for a passing refusal', async () => {
      t.refuseForNow();
      const result = await t.channel.deliver(t.delivery);
      expect(result.status).toBe('retry');
      expect(t.accepted()).toBe(0);
    });

    it('answers retry when the receiver cannot be reached', async () => {
      await t.unreachable();
      const result = await t.channel.deliver(t.delivery);
      expect(result).toEqual({ status: 'retry', reason: expect.any(String) });
    });
  });
}
