import { CliIo } from './cli-command';
import { createProgress, progressWanted } from './progress';

function capture(): CliIo & { lines: string[] } {
  const lines: string[] = [];
  return { lines, env: {}, out: () => undefined, err: (t) => lines.push(t) };
}

describe('createProgress', () => {
  it('shows at most one update per interval as a plain line when stderr is no terminal, and always the final count', () => {
    const io = capture();
    let now = 0;
    const progress = createProgress(io, true, { label: '校验事件', now: () => now });
    for (let done = 100; done <= 1000; done += 100) {
      now += 100; // a page every 100 ms: four updates a second at most are shown
      progress.update(done, 1000);
    }
    progress.finish();
    expect(io.lines).toEqual([
      '校验事件 100/1000（10%），每秒 1000',
      '校验事件 400/1000（40%），每秒 1000',
      '校验事件 700/1000（70%），每秒 1000',
      '校验事件 1000/1000（100%），每秒 1000',
      '校验事件 1000/1000（100%），每秒 1000，完成',
    ]);
  });

  it('shows nothing when disabled (--json, --quiet), and an unknown total without a share', () => {
    const silent = capture();
    const off = createProgress(silent, false, { label: 'x' });
    off.update(5, 10);
    off.finish();
    expect(silent.lines).toEqual([]);
    expect(progressWanted({ positionals: [], flags: { json: true } })).toBe(false);
    expect(progressWanted({ positionals: [], flags: { quiet: true } })).toBe(false);
    expect(progressWanted({ positionals: [], flags: {} })).toBe(true);
    const io = capture();
    const open = createProgress(io, true, { label: '迁移', now: () => 2000 });
    open.update(50, null);
    expect(io.lines).toEqual(['迁移 50，每秒 0']);
  });
});
