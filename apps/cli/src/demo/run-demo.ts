import { DemoHarness, startDemoHarness } from './demo-harness';
import { DemoStepFailure } from './demo-failure';
import { DemoOutput } from './demo-print';
import { complaintStory } from './complaint-story';
import { inspectionStory } from './inspection-story';
import { integrityStep } from './integrity-step';

/** One story told against the running harness (throws DemoStepFailure when a step goes wrong). */
export type DemoStory = (h: DemoHarness, out: DemoOutput) => Promise<unknown>;

export interface DemoOptions {
  /** Keep the temporary data directory (its path is printed). */
  readonly keep?: boolean;
  /** The stories to tell before the integrity check (default: inspection, then complaint). */
  readonly stories?: readonly DemoStory[];
}

export interface DemoIo {
  readonly out: DemoOutput;
  err(text: string): void;
}

/**
 * `npm run demo`: the two stories of issues 4 and 5 told through the real HTTP API on a fresh
 * temporary data directory, then the integrity check of the log file. Returns the exit code:
 * 0 when every step succeeded, 1 naming the failed step and the HTTP answer otherwise.
 */
export async function runDemo(io: DemoIo, options: DemoOptions = {}): Promise<number> {
  const out = io.out;
  let h: DemoHarness | undefined;
  let closed = false;
  let code = 1;
  try {
    h = await startDemoHarness();
    out.line('Bihuan 闭环 demo — 真实 HTTP API，嵌入式 SQLite 日志，模拟时钟（数周时限几秒走完）');
    out.line(`  数据目录 ${h.dir}（${options.keep ? '保留' : '结束后删除；--keep 保留'}），API ${h.baseUrl}`);
    for (const story of options.stories ?? [inspectionStory, complaintStory]) await story(h, out);
    await h.close();
    closed = true;
    await integrityStep(h.storeFile, out);
    out.line('');
    out.line('演示成功：所有步骤均已通过（Demo OK）');
    code = 0;
  } catch (error) {
    if (error instanceof DemoStepFailure) io.err(`演示失败（Demo FAILED）— ${error.message}`);
    else io.err(`演示失败（Demo FAILED）— 意外错误：${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    code = 1;
  } finally {
    if (h && !closed) await h.close().catch((e: unknown) => io.err(`closing the demo app: ${String(e)}`));
    if (h && options.keep) out.line(`数据已保留在 ${h.dir}（bihuan.sqlite、read-models.sqlite、keys.sqlite、exports）`);
    else h?.removeDir();
  }
  return code;
}
