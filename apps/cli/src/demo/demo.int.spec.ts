import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../run-cli';
import { runDemo } from './run-demo';
import { DemoHarness, startDemoHarness } from './demo-harness';
import { DemoStepFailure } from './demo-failure';

/** Runs `npm run demo`'s function in-process on a real temporary SQLite directory and reads its output. */
describe('npm run demo', () => {
  it('tells both stories through HTTP, exits 0, and prints the ledger, the closed ticket and an intact log', async () => {
    const lines: string[] = [];
    const errors: string[] = [];
    const code = await runDemo({ out: { line: (t = '') => lines.push(t) }, err: (t) => errors.push(t) });
    const text = lines.join('\n');
    expect(errors).toEqual([]);
    expect(code).toBe(0);
    expect(lines.length).toBeLessThan(200);

    // The ledger: three rows, one reopened (round 2, not signed off), one that climbed to a summons.
    const ledger = lines.slice(lines.findIndex((l) => l.includes('整改台账 —')) + 1);
    expect(ledger[0]).toMatch(/序号\s+问题\s+整改措施\s+责任人\s+整改时限\s+完成情况\s+是否销号\s+督办级别/);
    const rows = ledger.slice(2, 5);
    expect(rows.map((r) => r.trim().split(/\s+/)[0])).toEqual(['1', '2', '3']);
    expect(rows[0]).toMatch(/第2轮.*否/);
    expect(rows[2]).toMatch(/是\s+约谈通知书/);
    expect(text).toContain('合计 3 项：已销号 2，未销号 1');
    expect(text).toMatch(/✓ climb-to-summons .*约谈通知书/);
    expect(text).toMatch(/✓ extend-third .*批准/);
    expect(text).toMatch(/FindingEscalated +.*逾期升级第1级：提醒敦促函/);
    expect(text).toMatch(/整改台账-.+\.xlsx，整改台账-.+\.csv/);

    // The complaint: closed, the public view, the hospital without identity, the leader's read recorded.
    expect(text).toMatch(/✓ close-ticket .*办结/);
    expect(text).toMatch(/ComplaintClosed +\S+ 办结（满意）/);
    expect(text).toMatch(/公众查询视图[\s\S]*进度 closed/);
    expect(text).toMatch(/医院视图.*投诉人字段：无；请求身份 → HTTP 403/);
    expect(text).toMatch(/访问日志：.*李局长.*reveal/);
    expect(text).toMatch(/EthicsRecordAdded .*记入医德档案（投诉举报）.*扣10分/);
    expect(text).toMatch(/CreditPointsAdded .*记不良执业行为分：.* 6 分/);

    // Integrity, and the temporary directory is gone without --keep.
    expect(text).toMatch(/结果 ok — 完整，未被篡改：\d+ 条流，\d+ 个事件/);
    expect(text).toMatch(/哈希范围 [0-9a-f]{64} … [0-9a-f]{64}/);
    expect(text).toContain('Demo OK');
    const dir = /数据目录 (\S+)（/.exec(text)?.[1];
    expect(dir).toBeDefined();
    expect(existsSync(dir!)).toBe(false);
  });

  it('fails a step with its name and the HTTP answer when the server refuses it', async () => {
    const h = await startDemoHarness();
    try {
      const refused = h.http.post('hospital-signs-off', 'hospital-a1-1', '/findings/none/sign-off', {});
      await expect(refused).rejects.toBeInstanceOf(DemoStepFailure);
      await expect(refused).rejects.toThrow(
        /^步骤 "hospital-signs-off" 失败：POST \/findings\/none\/sign-off 返回 HTTP 403：.*AUTH.ROLE_NOT_ALLOWED.*（应为 200）$/,
      );
    } finally {
      await h.close();
      h.removeDir();
    }
  });

  it('exits 1 naming the failed step, and with --keep leaves the data directory and prints its path', async () => {
    const lines: string[] = [];
    const errors: string[] = [];
    const badStory = async (h: DemoHarness) =>
      h.http.post('open-finding-on-unknown-visit', 'inspector-a1', '/visits/nope/findings', { category: 'no-such-category' }, 201);
    const code = await runDemo(
      { out: { line: (t = '') => lines.push(t) }, err: (t) => errors.push(t) },
      { keep: true, stories: [badStory] },
    );
    expect(code).toBe(1);
    expect(errors.join('\n')).toMatch(
      /^演示失败（Demo FAILED）— 步骤 "open-finding-on-unknown-visit" 失败：POST \/visits\/nope\/findings 返回 HTTP 400：.*category/,
    );
    const kept = /^数据已保留在 (\S+)（/.exec(lines[lines.length - 1] ?? '')?.[1];
    expect(kept).toBeDefined();
    expect(existsSync(join(kept!, 'bihuan.sqlite'))).toBe(true);
    rmSync(kept!, { recursive: true, force: true });
  });

  it('is registered as the `demo` command and refuses unknown flags before running anything', async () => {
    const errors: string[] = [];
    const code = await runCli(['demo', '--fast'], { out: () => undefined, err: (t) => errors.push(t), env: {} });
    expect(code).toBe(2);
    expect(errors.join('\n')).toContain('未知选项 --fast');
    expect(errors.join('\n')).toContain('用法：npm run cli -- demo [--keep]');
  });
});
