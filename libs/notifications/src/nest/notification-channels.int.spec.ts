import { openSqliteDatabase } from '@bihuan/database';
import { MemoryEventStore } from '@bihuan/event-store';
import { PolicyRegistry, testConfig } from '@bihuan/platform';
import { FakeClock } from '@bihuan/testing';
import { channelsFrom } from './notification-channels';

describe('channelsFrom: the channels a process delivers with', () => {
  const clock = new FakeClock();
  const database = openSqliteDatabase({ file: ':memory:' });
  const policies = new PolicyRegistry(new MemoryEventStore(clock), () => clock.now().toISOString());
  afterAll(() => database.close());

  it('has the inbox and webhooks always, e-mail and SMS only when configured', () => {
    const none = testConfig();
    expect(channelsFrom(none, database, clock, policies).map((c) => c.kind)).toEqual(['inbox', 'webhook']);
    const all = testConfig({
      notifications: {
        smtp: { url: 'smtp://u:p@127.0.0.1:2525', from: 'noreply@wjw.example.cn' },
        sms: { url: 'http://127.0.0.1:9/sms', token: 't' },
        webhookSecrets: {},
      },
    });
    expect(channelsFrom(all, database, clock, policies).map((c) => c.kind)).toEqual(['inbox', 'webhook', 'email', 'sms']);
  });
});
