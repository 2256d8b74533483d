import { benchWriteSeam } from './bench-write-seam';
import { Actor, Command, Decider, DomainEvent } from '@bihuan/core';
import { CaseWrite } from '@bihuan/platform';
import { handleCommand } from '@bihuan/processing';
import { interleaved, report, Step } from './bench-output';

/**
 * The write path on the embedded SQLite store: the bare loop (handleCommand: load, decide, append)
 * against the one write seam (CommandExecution: plus the calendar in force, the policy in force
 * when the write names one, fresh metadata and the read-your-writes check). Each step writes one
 * event to a case that already holds 20, as a step on a live ticket does. What the ratios say:
 * how much the seam's own reads cost per write (issue 13); baseline for the load work (issue 14).
 */
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 3);
const SUITE = 'commands';
const ACTOR: Actor = { id: 'inspector-1', role: 'inspector', unit: 'hz-1' };
const CASES = 200;
const HISTORY = 20;

type Noted = Command<'Note', { text: string }>;
type NoteAdded = DomainEvent<'NoteAdded', { text: string }>;
const notes: Decider<Noted, NoteAdded, number> = {
  initialState: 0,
  evolve: (count) => count + 1,
  decide: (command) => [{ type: 'NoteAdded', data: { text: command.data.text } }],
};
const POLICY = { context: 'bench', defaults: { policyVersion: 'bench-1', limit: 5 } };

function cases(prefix: string): () => string {
  let i = 0;
  return () => `${prefix}${i++ % CASES}`;
}

export async function commandsBench(): Promise<void> {
  const { clock, ids, store, execution, dispose } = benchWriteSeam('commands');
  const command = (text: string): Noted => {
    const commandId = ids.next();
    return {
      type: 'Note',
      data: { text },
      metadata: { commandId, correlationId: commandId, causationId: null, actor: ACTOR, now: clock.now().toISOString() },
    };
  };
  const write = (id: string, policy: boolean): CaseWrite<Noted, NoteAdded, number, typeof POLICY.defaults | undefined> => ({
    category: 'benchCase',
    id,
    decider: notes,
    ...(policy ? { policy: POLICY } : {}),
    build: () => ({ type: 'Note', data: { text: 'checked the ward' } }),
  });
  try {
    for (const prefix of ['h', 's', 'p']) {
      for (let c = 0; c < CASES; c++)
        for (let n = 0; n < HISTORY; n++) await handleCommand(store, `benchCase-${prefix}${c}`, notes, command('seed'));
    }
    const [h, s, p] = [cases('h'), cases('s'), cases('p')];
    const steps: Record<string, Step> = {
      handleCommand: async () => (await handleCommand(store, `benchCase-${h()}`, notes, command('checked the ward'))).events.length,
      seam: async () => (await execution.execute(ACTOR, write(s(), false))).events.length,
      seamWithPolicy: async () => (await execution.execute(ACTOR, write(p(), true))).events.length,
    };
    const rates = await interleaved(SECONDS, steps);
    report(SUITE, 'handle_command_seq', rates['handleCommand']!, 'writes/s');
    report(SUITE, 'seam_execute_seq', rates['seam']!, 'writes/s');
    report(SUITE, 'seam_execute_policy_seq', rates['seamWithPolicy']!, 'writes/s');
    report(SUITE, 'seam_vs_handle_command', rates['seam']! / rates['handleCommand']!, 'ratio');
    report(SUITE, 'seam_policy_vs_handle_command', rates['seamWithPolicy']! / rates['handleCommand']!, 'ratio');
  } finally {
    await dispose();
  }
}
