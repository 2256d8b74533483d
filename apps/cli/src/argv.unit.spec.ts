import { ArgsSchema, asksForHelp, parseCommandArgs, stringFlag, UsageError } from './argv';

const VERIFY: ArgsSchema = {
  positionals: [],
  options: [
    { name: 'stream', type: 'string', valueName: '<流名>', description: '只校验这一个流' },
    { name: 'json', type: 'boolean', description: 'JSON' },
    { name: 'format', type: 'string', description: '格式', choices: ['xlsx', 'csv'] },
    { name: 'expires', type: 'string', description: '时长', check: (v) => (/^\d+h$/.test(v) ? null : '应为小时数，如 8h') },
  ],
};
const ERASE: ArgsSchema = {
  positionals: [{ name: '主体编号', description: '数据主体', required: true }],
  options: [{ name: 'reason', type: 'string', description: '事由', required: true }],
};

function refusal(argv: string[], schema: ArgsSchema = VERIFY): string {
  try {
    parseCommandArgs(argv, schema);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`accepted ${argv.join(' ')}`);
}

describe('parseCommandArgs', () => {
  it('reads declared options as --name value, --name=value and switches, and keeps words after -- as positionals', () => {
    expect(parseCommandArgs(['--stream', 'finding-1', '--json', '--format=csv'], VERIFY)).toEqual({
      positionals: [],
      flags: { stream: 'finding-1', json: true, format: 'csv' },
    });
    expect(
      parseCommandArgs(['subj-1', '--reason', '依申请', '--', '--not-an-option'], {
        ...ERASE,
        positionals: [...ERASE.positionals, { name: 'x', description: 'x' }],
      }),
    ).toEqual({
      positionals: ['subj-1', '--not-an-option'],
      flags: { reason: '依申请' },
    });
  });

  it('refuses an unknown option, suggesting the nearest known one', () => {
    expect(refusal(['--strem', 'finding-1'])).toBe('未知选项 --strem，是否想输入 --stream？');
    expect(refusal(['--jsno'])).toBe('未知选项 --jsno，是否想输入 --json？');
    expect(refusal(['--frobnicate'])).toMatch(/^未知选项 --frobnicate（可用选项：--stream、--json、--format、--expires、--help）$/);
    expect(refusal(['-s', 'x'])).toMatch(/^未知选项 -s/);
  });

  it('refuses a value option without its value: at the end, empty, or followed by another option', () => {
    expect(refusal(['--stream'])).toBe('选项 --stream 缺少值（<流名>）');
    expect(refusal(['--stream='])).toBe('选项 --stream 缺少值（<流名>）');
    expect(refusal(['--stream', '--json'])).toBe('选项 --stream 缺少值（<流名>）');
  });

  it('refuses bad values: outside the choices, failing the rule, a value given to a switch, a repeated option', () => {
    expect(refusal(['--format', 'pdf'])).toBe('选项 --format 的值 "pdf" 无效，可选值：xlsx、csv');
    expect(refusal(['--expires', 'forever'])).toBe('选项 --expires 的值 "forever" 无效：应为小时数，如 8h');
    expect(refusal(['--json=yes'])).toBe('选项 --json 是开关，不带值（收到 "yes"）');
    expect(refusal(['--stream', 'a', '--stream', 'b'])).toBe('选项 --stream 只能给一次');
  });

  it('refuses a missing required option or positional, and extra positionals', () => {
    expect(refusal(['subj-1'], ERASE)).toBe('缺少必填选项 --reason <值>');
    expect(refusal(['--reason', 'x'], ERASE)).toBe('缺少参数 主体编号（数据主体）');
    expect(refusal(['subj-1', 'subj-2', '--reason', 'x'], ERASE)).toBe('多余的参数：subj-2');
    expect(refusal(['finding-1'])).toBe('本命令不接受参数，多出：finding-1');
  });

  it('accepts --help and -h on every command, and asksForHelp finds them before --', () => {
    expect(parseCommandArgs(['--help'], ERASE).flags).toEqual({ help: true });
    expect(parseCommandArgs(['-h'], VERIFY).flags).toEqual({ help: true });
    expect(asksForHelp(['--strem', 'x', '-h'])).toBe(true);
    expect(asksForHelp(['--', '--help'])).toBe(false);
    expect(asksForHelp(['--stream', 'x'])).toBe(false);
  });

  it('stringFlag reads a value and refuses a bare switch given where a value was expected', () => {
    expect(stringFlag({ positionals: [], flags: { stream: 'a' } }, 'stream')).toBe('a');
    expect(stringFlag({ positionals: [], flags: {} }, 'stream')).toBeUndefined();
    expect(() => stringFlag({ positionals: [], flags: { stream: true } }, 'stream')).toThrow(UsageError);
  });
});
