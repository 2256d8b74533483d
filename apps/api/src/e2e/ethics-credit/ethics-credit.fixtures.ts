import { TestApp } from '../../testing/test-app';

/** Runs a request (with its own assertions) and fails the test if it moved the log's head: nothing may be written. */
export async function expectNothingWritten(t: TestApp, act: () => Promise<unknown>): Promise<void> {
  const before = await t.store.headPosition();
  await act();
  await t.settle();
  const after = await t.store.headPosition();
  if (after !== before) throw new Error(`expected nothing written, but the log moved from ${String(before)} to ${String(after)}`);
}
