import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeClock, testEvents } from '@bihuan/testing';
import { SqliteEventStore } from '@bihuan/event-store';
import { CliIo } from './cli-command';
import { COMMANDS } from './cli-registry';
import { runCli } from './run-cli';

function captureIo(env: Record<string, string> = {}): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, env, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

const HAN = /[\u4e00-\u9fff]/;

describe('cli usage: help for every command, usage errors that change nothing', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bihuan-cli-usage-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each(COMMANDS.map((c) => [c.name]))(
    '`%s --help`, `-h` and `help` print its Chinese usage (the same, via help too) with options and examples',
    async (name) => {
      const command = COMMANDS.find((c) => c.name === name)!;
      expect(command.summary).toMatch(HAN);
      expect(command.examples.length).toBeGreaterThan(0);
      for (const option of command.options) expect(option.description).toMatch(HAN);
      const words = name.split(' ');
      const outputs: string[] = [];
      for (const argv of [
        [...words, '--help'],
        [...words, '-h'],
        ['help', ...words],
      ]) {
        const io = captureIo({ DATA_DIR: dir });
        expect(await runCli(argv, io)).toBe(0);
        expect(io.stderr).toEqual([]);
        outputs.push(io.stdout.join('\n'));
      }
      expect(new Set(outputs).size).toBe(1);
      const usage = outputs[0]!;
      expect(usage).toContain(`用法：npm run cli -- ${name}`);
      expect(usage).toContain(command.summary);
      expect(usage).toContain('-h, --help');
      for (const option of command.options) expect(usage).toContain(`--${option.name}`);
      expect(usage).toMatch(/示例：\n {2}npm run cli -- \S/);
      expect(readdirSync(dir)).toEqual([]);
    },
  );

  it('a mistyped flag exits 2 with the nearest option suggested, and nothing runs or is written', async () => {
    const target = join(dir, 'new-install');
    const file = join(dir, 'cn-2027.json');
    writeFileSync(file, '{}');
    const io = captureIo({ DATA_DIR: target });
    expect(await runCli(['calendar', 'import', file, '--dta-dir', target], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('未知选项 --dta-dir，是否想输入 --data-dir？');
    expect(io.stderr.join('\n')).toContain('用法：npm run cli -- calendar import <文件>');
    expect(io.stdout).toEqual([]);
    expect(existsSync(target)).toBe(false);

    const verify = captureIo({ DATA_DIR: target });
    expect(await runCli(['verify', '--strem', 'finding-1'], verify)).toBe(2);
    expect(verify.stderr.join('\n')).toContain('未知选项 --strem，是否想输入 --stream？');
    expect(verify.stdout).toEqual([]);
  });

  it('a missing value, a missing required option and extra words exit 2 naming the problem', async () => {
    const cases: [string[], string][] = [
      [['verify', '--stream'], '选项 --stream 缺少值'],
      [['erase', 'subj-1', '--data-dir', dir], '缺少必填选项 --reason'],
      [['erase', '--reason', 'x'], '缺少参数 主体编号'],
      [['verify', 'finding-1'], '本命令不接受参数，多出：finding-1'],
      [['demo', '--keep=yes'], '选项 --keep 是开关，不带值'],
      [['calendar', 'imprt', 'x.json'], '未知命令 calendar imprt，是否想输入 calendar import？'],
      [['help', 'verfy'], '未知命令 verfy，是否想输入 verify？'],
    ];
    for (const [argv, message] of cases) {
      const io = captureIo({ DATA_DIR: dir });
      expect({ argv, code: await runCli(argv, io) }).toEqual({ argv, code: 2 });
      expect(io.stderr.join('\n')).toContain(message);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('verify --stream of a stream the log does not have exits 2 naming it; an existing one verifies', async () => {
    const store = SqliteEventStore.open({ file: join(dir, 'bihuan.sqlite'), clock: new FakeClock() });
    await store.append('finding-1', testEvents(2), 'no_stream');
    await store.close();
    const missing = captureIo({ DATA_DIR: dir });
    expect(await runCli(['verify', '--stream', 'finding-2'], missing)).toBe(2);
    expect(missing.stderr.join('\n')).toContain('日志中没有流 finding-2');
    expect(missing.stdout).toEqual([]);
    const present = captureIo({ DATA_DIR: dir });
    expect(await runCli(['verify', '--stream', 'finding-1', '--quiet'], present)).toBe(0);
    expect(present.stdout.join('\n')).toMatch(/^流 finding-1：完整，1 个流、2 个事件的 SM3 哈希链无误/);
  });
});
