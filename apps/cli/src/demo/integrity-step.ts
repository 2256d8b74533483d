import { SystemClock } from '@bihuan/core';
import { SqliteEventStore, verifyLogAndHeads } from '@bihuan/event-store';
import { DemoStepFailure } from './demo-failure';
import { DemoOutput, heading } from './demo-print';

/**
 * Step 3: re-opens the demo's log file after the app has stopped and verifies it the way
 * `npm run cli -- verify` does — every event's SM3 hash and link in position order, then the
 * stream heads (a deleted tail would show there).
 */
export async function integrityStep(file: string, out: DemoOutput): Promise<void> {
  const step = 'verify-integrity';
  heading(out, '3. Integrity check — 哈希链完整性校验（SM3）');
  const store = SqliteEventStore.open({ file, clock: new SystemClock() });
  try {
    const result = await verifyLogAndHeads(store);
    const head = await store.headPosition();
    const [first] = await store.readAll({ fromPosition: null, maxCount: 1 });
    out.line(`  文件 ${file}`);
    out.line(
      `  结果 ${result.ok ? 'ok — 完整，未被篡改' : 'FAILED'}：${result.streams} 条流，${result.events} 个事件，位置 ${String(first?.position ?? '—')}…${String(head)}，全局位置连续`,
    );
    out.line(`  哈希范围 ${result.firstHash ?? '—'} … ${result.lastHash ?? '—'}`);
    if (!result.ok) {
      const b = result.firstBreak;
      throw new DemoStepFailure(
        step,
        `chain broken at ${b?.streamName} revision ${b?.revision} (position ${b?.position}): ${b?.problem} — ${b?.detail}`,
      );
    }
  } finally {
    await store.close();
  }
}
