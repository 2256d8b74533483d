import { randomUUID } from 'node:crypto';
import { appendContract } from './event-store.contract.append';
import { chainContract } from './event-store.contract.chain';
import { ContractContext, EventStoreFixture } from './event-store.contract.fixtures';
import { readContract } from './event-store.contract.read';
import { subscribeContract } from './event-store.contract.subscribe';
import { upcastContract } from './event-store.contract.upcast';

export type { EventStoreFixture } from './event-store.contract.fixtures';
export { testEvent, testEvents } from './event-store.contract.fixtures';

/**
 * The one contract every EventStore adapter passes (architecture.md, rule 6). It uses only the
 * port, and fresh stream names and categories in every test, so it also runs against a shared
 * EventStoreDB server that cannot be wiped: read-all tests start from the head they found.
 */
export function eventStoreContract(name: string, setup: () => Promise<EventStoreFixture>): void {
  describe(`EventStore contract: ${name}`, () => {
    let current: EventStoreFixture | null = null;
    const run = randomUUID().replace(/-/g, '').slice(0, 10);
    let counter = 0;
    const ctx: ContractContext = {
      setup,
      fx: () => {
        if (!current) throw new Error('No fixture: the store setup failed');
        return current;
      },
      category: () => `c${run}x${(counter += 1)}`,
      stream: (id = randomUUID()) => `${ctx.category()}-${id}`,
    };

    beforeEach(async () => {
      current = await setup();
    });
    afterEach(async () => {
      await current?.teardown();
      current = null;
    });

    describe('append', () => appendContract(ctx));
    describe('read', () => readContract(ctx));
    describe('subscribe', () => subscribeContract(ctx));
    describe('hash chain', () => chainContract(ctx));
    describe('upcasting on read', () => upcastContract(ctx));
  });
}
