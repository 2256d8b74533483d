import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DrawMade,
  evolveRandomDraw,
  initialRandomDrawState,
  PublicDrawDocument,
  publicDrawDocument,
  RandomDrawCommand,
  randomDrawDecider,
  RandomDrawEvent,
} from '@bihuan/credit';
import { Actor } from '@bihuan/core';
import { DeciderSpecification, testCommand } from '@bihuan/testing';
import { CliIo } from '../cli-command';
import { runCli } from '../run-cli';

function captureIo(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, env: {}, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

const inspector: Actor = { id: 'inspector-b1', role: 'inspector', unit: 'county-b1' };
const at = '2025-06-01T02:00:00.000Z';
const cmd = (type: RandomDrawCommand['type'], data: object) =>
  testCommand<RandomDrawCommand>(type, data as RandomDrawCommand['data'], inspector, at);

/** A draw committed, made and revealed through its decider, as GET /public/draws/:id shows it at each step. */
function publicPages(): { committed: PublicDrawDocument; revealed: PublicDrawDocument } {
  const spec = DeciderSpecification(randomDrawDecider());
  const committed = spec
    .given([])
    .when(
      cmd('CommitRandomDraw', {
        drawId: 'D-2025-06',
        jurisdiction: 'county-b1',
        seed: '3c'.repeat(32),
        institutions: [
          { id: 'hosp-b1-1', creditLevel: 'D' },
          { id: 'hosp-b1-2', creditLevel: 'A' },
        ],
        inspectors: [{ id: 'inspector-b1', unit: 'county-b1', conflicts: [] }],
        count: 1,
        inspectorsPerVisit: 1,
        plannedDate: '2025-06-15',
      }),
    )
    .events();
  const made = spec
    .given(committed)
    .when(cmd('MakeRandomDraw', { drawId: 'D-2025-06' }))
    .events();
  const visit = (made[0] as DrawMade).data.visits[0]!;
  const done = [{ institutionId: visit.institutionId, visitId: 'V1', outcome: 'conducted' }];
  const revealed = spec
    .given([...committed, ...made])
    .when(cmd('RevealRandomDraw', { drawId: 'D-2025-06', visits: done }))
    .events();
  const page = (events: readonly RandomDrawEvent[]) => publicDrawDocument(events.reduce(evolveRandomDraw, initialRandomDrawState))!;
  return { committed: page(committed), revealed: page([...committed, ...made, ...revealed]) };
}

describe('verify --draw <public draw file>', () => {
  let dir: string;
  const pages = publicPages();
  const write = (name: string, content: unknown): string => {
    const file = join(dir, name);
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'bihuan-draw-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('passes a revealed draw: the seed and inputs match the commitment and the re-run gives the published institutions', async () => {
    const io = captureIo();
    expect(await runCli(['verify', '--draw', write('draw.json', pages.revealed)], io)).toBe(0);
    expect(io.stdout[0]).toBe('抽查 D-2025-06（county-b1）：核验通过');
    expect(io.stdout.slice(1).every((line) => line.startsWith('✓'))).toBe(true);
  });

  it('fails a draw whose seed, inputs or result were changed after the commitment, naming what', async () => {
    const seed = `${pages.revealed.seed!.slice(0, -1)}d`;
    const json = captureIo();
    expect(await runCli(['verify', '--json', '--draw', write('seed.json', { ...pages.revealed, seed })], json)).toBe(1);
    expect(JSON.parse(json.stdout.join('\n'))).toMatchObject({ drawId: 'D-2025-06', ok: false, seedMatches: false, inputsMatch: false });
    const inputs = { ...pages.revealed.inputs!, weights: { A: 8, B: 4, C: 2, D: 1 } };
    const io = captureIo();
    expect(await runCli(['verify', '--draw', write('inputs.json', { ...pages.revealed, inputs })], io)).toBe(1);
    expect(io.stdout).toContain('✗ 抽取条件与抽取前承诺的不一致');
    const visits = [{ ...pages.revealed.visits![0]!, institutionId: 'hosp-b1-9' }];
    expect(await runCli(['verify', '--draw', write('visits.json', { ...pages.revealed, visits })], captureIo())).toBe(1);
  });

  it('cannot check a draw whose seed is not revealed yet, nor a file that is no draw (exit 2)', async () => {
    const io = captureIo();
    expect(await runCli(['verify', '--draw', write('committed.json', pages.committed)], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('尚未公开种子');
    expect(await runCli(['verify', '--draw', write('junk.json', 'not json')], captureIo())).toBe(2);
    expect(await runCli(['verify', '--draw', join(dir, 'missing.json')], captureIo())).toBe(2);
    expect(await runCli(['verify', '--draw', write('x.json', pages.revealed), '--stream', 'finding-1'], captureIo())).toBe(2);
  });
});
