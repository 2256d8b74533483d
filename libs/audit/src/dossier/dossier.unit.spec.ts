import { FakeClock } from '@bihuan/testing';
import { CaseHistoryService } from '../history/case-history.service';
import { integrityReport } from '../integrity/integrity-report';
import { indexedLinkedCase } from '../testing/indexed-linked-case.fixture';
import { HOSPITAL } from '../testing/linked-case.fixture';
import { LEADER } from '../testing/readers.fixture';
import { eventSummaries } from '../history/summary-catalogues';
import { buildDossier } from './build-dossier';
import { DOSSIER_SCRIPT_ID } from './dossier.types';
import { ENCRYPTED_MARKER, ERASED_MARKER, PROTECTED_MARKER } from './redaction';
import { verifyDossier } from './verify-dossier';

const CIPHERTEXT = 'sm4:9f8e7d6c5b4a';
const SUBJECT = 'subj-42';
const generatedAt = '2025-04-01T02:00:00.000Z';

async function dossierFor(reader = LEADER, isErased?: (s: string) => boolean) {
  const clock = new FakeClock('2025-03-03T01:00:00.000Z');
  const { store, ids, index } = await indexedLinkedCase(clock);
  const history = await new CaseHistoryService(store, index).full(ids.ticket);
  const integrity = await integrityReport(store, { streams: history.streams.map((s) => s.stream), now: generatedAt });
  return {
    ids,
    history,
    html: buildDossier(history, integrity, reader, { generatedAt, purpose: '年度审计', ...(isErased ? { isErased } : {}) }),
  };
}

/** The human-readable part: everything but the embedded JSON block. */
const readable = (html: string) =>
  html.replace(new RegExp(`<script type="application/json" id="${DOSSIER_SCRIPT_ID}">[\\s\\S]*?</script>`), '');

describe('dossier export', () => {
  it('is a self-contained Chinese HTML document with timeline, causes, deadlines, integrity and Shanghai times', async () => {
    const { html, history, ids } = await dossierFor();
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<link |<script src=/);
    for (const label of ['案件档案', '案件经过', '完整性校验', '通过', '参与人员', '附录二', '期限状态', '起因', 'SM3'])
      expect(html).toContain(label);
    expect(html).toContain('2025-04-01 10:00:00'); // generatedAt in Asia/Shanghai
    expect(html).toContain('计时中'); // the answer deadline, pending at receipt
    const decided = history.entries.find((e) => e.type === 'ComplaintDecided')!;
    expect(html).toContain(`href="#e-${decided.eventId}"`); // the saga's input links to its cause
    expect(html).toContain(ids.finding);
  });

  it('leads with the readable timeline (time, actor by name, summary) and keeps raw events and hashes in the appendix', async () => {
    const names = { person: (id: string) => (id === 'u-inspector-7' ? '赵监督员' : undefined), unit: () => undefined };
    const clock = new FakeClock('2025-03-03T01:00:00.000Z');
    const { store, index } = await indexedLinkedCase(clock);
    const history = await new CaseHistoryService(store, index).full('finding-F1');
    const integrity = await integrityReport(store, { streams: history.streams.map((s) => s.stream), now: generatedAt });
    const html = buildDossier(history, integrity, LEADER, { generatedAt, summaries: eventSummaries(names) });
    const timeline = html.indexOf('<h2 id="timeline">案件经过</h2>');
    const appendix = html.indexOf('<h2 id="raw-events">');
    expect(timeline).toBeGreaterThan(0);
    expect(timeline).toBeLessThan(html.indexOf('<h2>完整性校验</h2>'));
    expect(html.indexOf('<h2>完整性校验</h2>')).toBeLessThan(appendix);
    const readableTimeline = html.slice(timeline, html.indexOf('<h2>完整性校验</h2>'));
    expect(readableTimeline).toMatch(
      /<td>2025-03-03 20:00<\/td><td>赵监督员<\/td><td><a href="#e-evt-notice">赵监督员 开具整改通知书 整改〔2025〕7号/,
    );
    // Bookkeeping (saga records, deadlines) only in the appendix, with every hash.
    expect(readableTimeline).not.toMatch(/InputRecorded|OutputRecorded|设定整改时限/);
    expect(readableTimeline).toContain('内部处理与时限记录未列出');
    const raw = html.slice(appendix);
    for (const e of history.entries) expect(raw).toContain(`${e.hash.slice(0, 16)}…`);
    expect(raw).toContain('>InputRecorded<');
    expect(verifyDossier(html)).toMatchObject({ ok: true, firstBreak: null });
  });

  it('verifies offline, and fails naming the event after one byte of it is changed', async () => {
    const { html, history } = await dossierFor();
    const ok = verifyDossier(html);
    expect(ok).toMatchObject({ ok: true, events: history.entries.length, streams: 7, firstBreak: null });
    const json = new RegExp(`id="${DOSSIER_SCRIPT_ID}">([\\s\\S]*?)</script>`).exec(html)![1]!;
    expect(verifyDossier(json).ok).toBe(true);
    const tampered = html.replace('"points":6,"behaviour"', '"points":5,"behaviour"');
    expect(tampered).not.toBe(html);
    const points = history.entries.find((e) => e.type === 'CreditPointsAdded' && e.linked)!;
    expect(verifyDossier(tampered).firstBreak).toMatchObject({ streamName: points.stream, revision: points.revision, problem: 'content' });
    const dropped = verifyDossier(JSON.stringify({ ...JSON.parse(json), events: JSON.parse(json).events.slice(0, -1) }));
    expect(dropped.firstBreak).toMatchObject({ problem: 'missing' });
    expect(verifyDossier('<html>nothing</html>').firstBreak).toMatchObject({ problem: 'format' });
  });

  it('carries an upcast event whole, in its stored form, so it verifies offline instead of becoming a sealed link', async () => {
    const { html, history } = await dossierFor();
    const extended = history.entries.find((e) => e.type === 'DeadlineExtended')!;
    expect(extended.data).toMatchObject({ extraWorkingDays: null }); // read as v2
    expect(extended.stored).toMatchObject({ schemaVersion: 1 });
    const json = JSON.parse(new RegExp(`id="${DOSSIER_SCRIPT_ID}">([\\s\\S]*?)</script>`).exec(html)![1]!) as {
      events: { sealed?: true; metadata: { eventId: string } }[];
    };
    const inDossier = json.events.find((e) => e.metadata.eventId === extended.eventId)!;
    expect(inDossier.sealed).toBeUndefined();
    expect(inDossier).toMatchObject({ stored: { schemaVersion: 1 } });
    expect(verifyDossier(html)).toMatchObject({ ok: true, firstBreak: null });
  });

  it('shows personal data only as the reader’s role allows, and erased data as erased', async () => {
    const hospital = await dossierFor(HOSPITAL);
    expect(readable(hospital.html)).not.toContain(CIPHERTEXT);
    expect(readable(hospital.html)).not.toContain(SUBJECT);
    expect(readable(hospital.html)).not.toContain(ENCRYPTED_MARKER);
    expect(readable(hospital.html)).toContain(PROTECTED_MARKER);
    const leader = await dossierFor(LEADER);
    expect(readable(leader.html)).toContain(ENCRYPTED_MARKER);
    expect(readable(leader.html)).not.toContain(CIPHERTEXT);
    const erased = await dossierFor(LEADER, (s) => s === SUBJECT);
    expect(readable(erased.html)).toContain(ERASED_MARKER);
    expect(readable(erased.html)).not.toContain(ENCRYPTED_MARKER);
    // redaction touches only the readable view: the embedded block still verifies
    expect(verifyDossier(hospital.html).ok).toBe(true);
    expect(verifyDossier(erased.html).ok).toBe(true);
  });
});
