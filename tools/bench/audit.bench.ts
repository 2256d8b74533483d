import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Clock, SYSTEM_ACTOR, WorkflowOutput } from '@bihuan/core';
import { RecordedEvent, SqliteEventStore } from '@bihuan/event-store';
import { finaliseOutput, PROCESSING_MIGRATIONS, recordEvents } from '@bihuan/processing';
import { migrateToLatest, openSqliteDatabase } from '@bihuan/database';
import { AccessPolicy, Jurisdiction, readerOf } from '@bihuan/auth';
import { DEMO_UNITS } from '@bihuan/demo';
import {
  appendForCommand,
  buildDossier,
  CaseHistoryService,
  historyView,
  INSPECTOR,
  integrityReport,
  LEADER,
  readableCase,
  SqlCaseIndex,
  AUDIT_MIGRATIONS,
  StreamAccess,
  verifyDossier,
} from '@bihuan/audit';

/**
 * `npm run bench -- audit`: a case of N events (default 10,000) across 4 linked streams in a
 * temporary SQLite store — complaintTicket (with deadlines) → complaintConsequences saga →
 * ethicsArchive / creditArchive — then: build the case index, open the first page, a late page,
 * the full history, and export + re-verify the dossier. Target (issue 7): a 10,000-event case
 * opens fast (history_first_page_ms in the tens of ms at most).
 */
const SUITE = 'audit';
const N = Number(process.env['BENCH_AUDIT_EVENTS'] ?? 10_000);
const PAGE = 50;

function line(metric: string, value: number, unit = 'ms'): void {
  process.stdout.write(`${JSON.stringify({ suite: SUITE, metric, value: Math.round(value * 100) / 100, unit })}\n`);
}

async function time<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = process.hrtime.bigint();
  const result = await run();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
}

/** Median of `runs` timings (the first run warms caches and JIT and is not counted). */
async function median(runs: number, run: () => Promise<unknown>): Promise<number> {
  await run();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) ms.push((await time(run)).ms);
  return ms.sort((a, b) => a - b)[Math.floor(ms.length / 2)]!;
}

/** Each round: a ticket event → the saga's InputRecorded + OutputRecorded → an archive event (4 events). */
async function seed(store: SqliteEventStore, clock: { tick(): string }): Promise<string> {
  const ticket = 'complaintTicket-bench';
  const rounds = Math.ceil(N / 4);
  // Opening events, so the streams open through their visibility declarations (a reader's view is measured too).
  const open = { commandId: 'cmd-open', correlationId: 'corr-bench', actor: INSPECTOR, now: clock.tick() };
  await appendForCommand(store, ticket, open, [
    { type: 'ComplaintReceived', data: { ticketId: 'bench', receivingUnit: 'county-a1', institutionId: 'hosp-a1-1' } },
    { type: 'ComplaintDispatched', data: { ticketId: 'bench', institutionId: 'hosp-a1-1' } },
  ]);
  await appendForCommand(store, 'ethicsArchive-bench', { ...open, commandId: 'cmd-open-e' }, [
    { type: 'EthicsArchiveOpened', data: { staffId: 'bench', institutionId: 'hosp-a1-1' } },
  ]);
  await appendForCommand(store, 'creditArchive-bench', { ...open, commandId: 'cmd-open-c' }, [
    { type: 'CreditArchiveOpened', data: { institutionId: 'hosp-a1-1' } },
  ]);
  for (let r = 0; r < rounds; r++) {
    const now = clock.tick();
    const deadline = r % 10 === 0;
    const [input] = (await appendForCommand(store, ticket, { commandId: `cmd-${r}`, correlationId: 'corr-bench', actor: INSPECTOR, now }, [
      deadline
        ? {
            type: 'DeadlineSet',
            data: {
              deadlineId: `d${r}`,
              purpose: 'answer',
              startedAt: now,
              dueAt: '2030-01-01T00:00:00.000Z',
              workingDays: 5,
              calendarVersion: 'bench',
              warnAt: [],
              policy: {},
            },
          }
        : {
            type: 'ComplaintProgressNoted',
            data: { ticketId: 'bench', note: `第 ${r} 次进展`, subjectId: 'subj-1', identityCiphertext: 'sm4:00ff' },
          },
    ])) as [RecordedEvent];
    const target = r % 2 === 0 ? 'ethicsArchive-bench' : 'creditArchive-bench';
    const send: WorkflowOutput = {
      kind: 'send',
      stream: target,
      command: {
        type: 'AddRecord',
        data: { round: r },
        metadata: { commandId: '', correlationId: '', causationId: null, actor: SYSTEM_ACTOR, now: '' },
      },
    };
    const ctx = { workflow: 'complaintConsequences', instance: 'bench', input, now };
    const output = finaliseOutput(ctx, send, 0);
    await store.append('complaintConsequences-bench', recordEvents(ctx, [output]).slice(0, 2), 'any');
    if (output.kind !== 'send') throw new Error('unreachable');
    await appendForCommand(store, target, { ...output.command.metadata, now }, [
      { type: 'RecordAdded', data: { round: r, points: r % 7 } },
    ]);
  }
  return ticket;
}

export async function auditBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bihuan-audit-bench-'));
  let t = Date.parse('2025-03-03T01:00:00.000Z');
  const clock: Clock & { tick(): string } = { now: () => new Date(t), tick: () => new Date((t += 1000)).toISOString() };
  const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite'), clock, synchronous: 'OFF' });
  try {
    const root = await seed(store, clock);
    const db = openSqliteDatabase({ file: store.database });
    await migrateToLatest(db, [PROCESSING_MIGRATIONS, AUDIT_MIGRATIONS]);
    const index = new SqlCaseIndex(db);
    const build = await time(async () => {
      for (let from: number | null = null; ;) {
        const page = await store.readAll({ fromPosition: from, maxCount: 2000 });
        await index.handleBatch(page);
        if (page.length < 2000) break;
        from = page[page.length - 1]!.position;
      }
    });
    const service = new CaseHistoryService(store, index);
    const first = await service.history(root, { pageSize: PAGE });
    line('events', first.total, 'count');
    line('streams', first.streams.length, 'count');
    line('index_build_ms', build.ms);
    line('case_link_ms', await median(5, async () => service.link(root)));
    line('history_first_page_ms', await median(5, () => service.history(root, { pageSize: PAGE })));
    line('history_last_page_ms', await median(3, () => service.history(root, { pageSize: PAGE, page: first.pages })));
    // The same pages as a hospital reads them: every stream opened through its declaration, every event viewed.
    const policy = new AccessPolicy(new Jurisdiction(DEMO_UNITS));
    const asHospital = async (page: number) => {
      const access = new StreamAccess(store, readerOf(policy, { id: 'hospital-a1-1', role: 'hospital', unit: 'hosp-a1-1' }));
      await access.assertReadable(root);
      const { linked } = await readableCase(access, await service.link(root));
      return service.history(root, { pageSize: PAGE, page, linked, view: historyView(access) });
    };
    const viewed = await asHospital(1);
    if (viewed.total !== first.total) throw new Error(`the hospital's view lost events: ${viewed.total} of ${first.total}`);
    line('history_first_page_viewed_ms', await median(5, () => asHospital(1)));
    line('history_last_page_viewed_ms', await median(3, () => asHospital(first.pages)));
    const full = await time(() => service.full(root));
    line('history_full_ms', full.ms);
    const integrity = await time(() => integrityReport(store, { streams: full.result.streams.map((s) => s.stream), now: clock.tick() }));
    line('integrity_report_ms', integrity.ms);
    const dossier = await time(async () => buildDossier(full.result, integrity.result, LEADER, { generatedAt: clock.tick() }));
    line('dossier_build_ms', dossier.ms);
    line('dossier_bytes', dossier.result.length, 'bytes');
    const verified = await time(async () => verifyDossier(dossier.result));
    if (!verified.result.ok) throw new Error('bench dossier did not verify');
    line('dossier_verify_ms', verified.ms);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
