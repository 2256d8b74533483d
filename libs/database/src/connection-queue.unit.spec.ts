import { ConnectionQueue } from './connection-queue';

describe('ConnectionQueue', () => {
  it('hands the resource to waiters one at a time, in arrival order', async () => {
    const queue = new ConnectionQueue();
    const order: number[] = [];
    let holders = 0;
    let most = 0;
    const use = async (n: number): Promise<void> => {
      await queue.acquire();
      holders += 1;
      most = Math.max(most, holders);
      order.push(n);
      await new Promise((resolve) => setImmediate(resolve));
      holders -= 1;
      queue.release();
    };
    await Promise.all(Array.from({ length: 200 }, (_, n) => use(n)));
    expect(order).toEqual(Array.from({ length: 200 }, (_, n) => n));
    expect(most).toBe(1);
    expect(queue.waiting).toBe(0);
  });

  it('is free again after the last holder releases', async () => {
    const queue = new ConnectionQueue();
    await queue.acquire();
    queue.release();
    await queue.acquire();
    let second = false;
    const waiter = queue.acquire().then(() => (second = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(second).toBe(false);
    expect(queue.waiting).toBe(1);
    queue.release();
    await waiter;
    expect(second).toBe(true);
  });
});
