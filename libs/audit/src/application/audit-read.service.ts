import { Inject, Injectable, Optional } from '@nestjs/common';
import { Actor, Clock, CLOCK, DomainError, Reader, Role } from '@bihuan/core';
import { AccessPolicy, readerOf } from '@bihuan/auth';
import { AsOf, EVENT_STORE, EventStore } from '@bihuan/event-store';
import { READ_MODEL_SYNC, ReadModelSync } from '@bihuan/platform';
import { ACCESS_LOG, AccessLog, PersonalDataAccess, SUBJECT_KEY_STORE, SubjectKeyStore } from '@bihuan/privacy';
import { listAsOf, stateAsOf, StateAsOf } from '../as-of/as-of';
import { LinkedCase } from '../case-index/case-links';
import { buildDossier } from '../dossier/build-dossier';
import { Redactor } from '../dossier/dossier.types';
import { CaseHistoryService } from '../history/case-history.service';
import { CaseInstant, HistoryEntry, HistoryPage } from '../history/case-history.types';
import { integrityReport, IntegrityReport } from '../integrity/integrity-report';
import { EVIDENCE_VAULT, EvidenceVault } from '@bihuan/evidence';
import { CaseFileView } from '../files/case-file-view';
import { dossierFiles } from '../files/dossier-files';
import { AUDIT_TRAIL_READERS, AuditTrail } from '../trail/audit-trail.port';
import { AccessLogFilter, AccessLogRow, listAccess } from './access-log-view';
import { assertCanReadInstitution, CASE_READER_ROLES } from './case-access';
import { AUDIT_TRAIL, CASE_HISTORY, EVENT_SUMMARIES } from './audit.tokens';
import { FULL_HISTORY_ROLES } from '../history/history-access';
import { summariseEntries } from '../history/summarise-entries';
import { EventSummaryRegistry } from '../history/summary-registry';
import { historyView, readableCase } from '../access/case-view';
import { StreamAccess } from '../access/stream-access';
import { readableStreams } from '../access/readable-streams';
import { institutionLedgerList, LedgerFold, LedgerRow, ledgerRows } from './ledger-as-of';
import { PrivacyPorts, ReadContext, resolveSubjects, subjectRedactor, subjectsIn } from './personal-data-redaction';
import { stateDeciderFor } from './state-deciders';

export interface CaseState {
  readonly stream: string;
  readonly asOf: AsOf;
  readonly state: unknown;
  readonly events: number;
  readonly revision: number | null;
  readonly position: number | null;
}

export interface CaseInstants {
  readonly root: string;
  readonly total: number;
  readonly instants: readonly CaseInstant[];
}

export interface LedgerAsOf {
  readonly institutionId: string;
  readonly asOf: AsOf;
  readonly events: number;
  readonly position: number | null;
  readonly rows: LedgerRow[];
}

export interface DossierFile {
  readonly fileName: string;
  readonly html: string;
}

/**
 * The leaders' audit behind the HTTP API (issue 7): scope checks, read-your-writes on the case
 * index, redaction through the privacy lib, and every read recorded in the audit trail.
 */
@Injectable()
export class AuditReadService {
  private readonly privacy: PrivacyPorts;
  private readonly files: CaseFileView;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CASE_HISTORY) private readonly cases: CaseHistoryService,
    @Inject(AUDIT_TRAIL) private readonly trail: AuditTrail,
    @Inject(READ_MODEL_SYNC) private readonly sync: ReadModelSync,
    private readonly policy: AccessPolicy,
    @Inject(EVENT_SUMMARIES) private readonly summaries: EventSummaryRegistry,
    @Optional() personalData?: PersonalDataAccess,
    @Optional() @Inject(SUBJECT_KEY_STORE) keys?: SubjectKeyStore,
    @Optional() @Inject(ACCESS_LOG) private readonly log?: AccessLog,
    @Optional() @Inject(EVIDENCE_VAULT) private readonly vault?: EvidenceVault,
  ) {
    this.privacy = { ...(personalData ? { access: personalData } : {}), ...(keys ? { keys } : {}) };
    this.files = new CaseFileView(keys);
  }

  async history(
    reader: Actor,
    stream: string,
    o: { page?: number; pageSize?: number; asOf?: AsOf; purpose?: string; all?: boolean },
  ): Promise<HistoryPage> {
    const { all, ...options } = o;
    // Before anything is read: unfolding the bookkeeping is an auditor's switch (FULL_HISTORY_ROLES).
    if (all) this.policy.assertRole(reader, FULL_HISTORY_ROLES, 'Showing every event of a case history (?all=true)');
    const { access, unit, linked, withheld } = await this.openLinkedCase(reader, stream, o.asOf);
    const fold = all ? {} : { fold: (type: string) => this.summaries.isBookkeeping(type) };
    const page = await this.cases.history(stream, { ...options, ...fold, reader, linked, view: historyView(access) });
    const redact = await this.redactorFor(page.entries, reader, this.context(stream, unit, o.purpose, 'history'));
    const shown = page.entries.map((e) => ({ ...e, data: redact(e, reader) }));
    return { ...page, withheldStreams: withheld, entries: summariseEntries(shown, this.summaries) };
  }

  /** When each event of the case was recorded, folded and viewed as `history` folds and views it. */
  async instants(reader: Actor, stream: string, o: { purpose?: string; all?: boolean }): Promise<CaseInstants> {
    if (o.all) this.policy.assertRole(reader, FULL_HISTORY_ROLES, 'Showing every event of a case history (?all=true)');
    const { access, linked } = await this.openLinkedCase(reader, stream);
    const fold = o.all ? {} : { fold: (type: string) => this.summaries.isBookkeeping(type) };
    const view = historyView(access);
    const instants = await this.cases.instants(stream, { ...fold, reader, linked, view, ...(o.purpose ? { purpose: o.purpose } : {}) });
    return { root: stream, total: instants.length, instants };
  }

  async state(reader: Actor, stream: string, asOf: AsOf | undefined, purpose?: string): Promise<CaseState> {
    const decider = stateDeciderFor(stream);
    const { access, unit } = await this.openCase(reader, stream);
    const opened = await access.open(stream);
    const at = asOf ?? { position: (await this.store.headPosition()) ?? 0 };
    const result = await stateAsOf(this.store, stream, decider, at);
    const shown = opened.rule.viewState ? opened.rule.viewState(access.reader, result.state, opened.state) : result.state;
    const entry = { data: shown ?? {} } as HistoryEntry;
    const redact = await this.redactorFor([entry], reader, this.context(stream, unit, purpose, 'state'));
    await this.trail.record({ at: this.now(), reader, stream, action: 'asOf', purpose: purpose ?? '', detail: { asOf: at } });
    return { stream, ...result, state: redact(entry, reader) };
  }

  async ledger(reader: Actor, institutionId: string, asOf: AsOf | undefined): Promise<LedgerAsOf> {
    const result = await this.ledgerFold(reader, institutionId, asOf);
    return { institutionId, asOf: result.asOf, events: result.events, position: result.position, rows: ledgerRows(result.state) };
  }

  /** The institution's ledger folded from the log up to `asOf` (now: the head position); scope checked. */
  async ledgerFold(reader: Actor, institutionId: string, asOf: AsOf | undefined): Promise<StateAsOf<LedgerFold>> {
    assertCanReadInstitution(this.policy, reader, institutionId);
    const at = asOf ?? { position: (await this.store.headPosition()) ?? 0 };
    return listAsOf(this.store, institutionLedgerList(institutionId), at);
  }

  async caseIntegrity(reader: Actor, stream: string): Promise<IntegrityReport & { root: string }> {
    const { access, linked } = await this.openLinkedCase(reader, stream);
    const streams = linked.streams.map((s) => s.stream);
    return { root: stream, ...(await this.checked(reader, access, streams.length > 0 ? streams : [stream])) };
  }

  /** Admins and leaders of a root unit verify the whole log; other leaders and admins the streams of their jurisdiction (each one's chain). */
  async logIntegrity(reader: Actor): Promise<IntegrityReport> {
    this.assertAuditor(reader, 'The integrity report of the whole log');
    const wholeTree = this.policy.jurisdiction.get(reader.unit)?.parentId === null;
    const access = new StreamAccess(this.store, this.reader(reader));
    return this.checked(reader, access, wholeTree ? undefined : await readableStreams(this.store, access));
  }

  /**
   * The case file of a case the reader may open. With `audience`, personal data (identities, the
   * names of sealed files) is shown as that role may see it rather than as the reader may: a case
   * file an inspector sends a partner agency (移交, docs/referrals.md) carries no complainant.
   */
  async dossier(reader: Actor, stream: string, o: { asOf?: AsOf; purpose?: string; audience?: Role }): Promise<DossierFile> {
    const { audience, ...range } = o;
    const { access, unit, linked } = await this.openLinkedCase(reader, stream, o.asOf);
    const history = await this.cases.full(stream, { reader, ...range, linked, view: historyView(access) });
    const shownTo: Actor = audience ? { ...reader, role: audience } : reader;
    const integrity = await this.checked(
      shownTo,
      access,
      history.streams.map((s) => s.stream),
    );
    const files = await dossierFiles(this.store, access, linked, shownTo, this.files, this.vault);
    const redact = await this.redactorFor(history.entries, shownTo, this.context(stream, unit, o.purpose, 'dossier export'));
    const generatedAt = this.now();
    const html = buildDossier(history, integrity, reader, {
      generatedAt,
      redact,
      summaries: this.summaries,
      files,
      ...(o.purpose ? { purpose: o.purpose } : {}),
    });
    return { fileName: `dossier-${stream}-${generatedAt.replace(/[:.]/g, '')}.html`, html };
  }

  /** The root's admin sees every record; a leader or a city's admin the records of cases they may open. */
  async accessLog(reader: Actor, filter: AccessLogFilter): Promise<{ total: number; rows: AccessLogRow[] }> {
    this.assertAuditor(reader, 'The access log');
    const access = new StreamAccess(this.store, this.reader(reader));
    const keep = this.policy.readsEverywhere(reader)
      ? undefined
      : async (row: AccessLogRow) => row.caseStream !== null && (await access.canRead(row.caseStream));
    return listAccess({ trail: this.trail, ...(this.log ? { log: this.log } : {}) }, filter, keep);
  }

  /** The reader's access to a case: 403 for roles that do not read case histories, 404 / 403 by the stream's declaration. */
  private async openCase(actor: Actor, stream: string): Promise<{ access: StreamAccess; unit: string | null }> {
    this.policy.assertRole(actor, CASE_READER_ROLES, 'Reading case histories');
    const access = new StreamAccess(this.store, this.reader(actor));
    const opened = await access.assertReadable(stream);
    return { access, unit: opened.decision.kind === 'granted' ? opened.decision.institutionId : null };
  }

  /**
   * The case with the streams linked to it that the reader may read, once the case index has seen
   * the log: 403 / 404 as every audit read answers (the files of a case are opened through it too).
   */
  async openLinkedCase(
    actor: Actor,
    stream: string,
    asOf?: AsOf,
  ): Promise<{ access: StreamAccess; unit: string | null; linked: LinkedCase; withheld: number }> {
    const { access, unit } = await this.openCase(actor, stream);
    await this.catchUp();
    return { access, unit, ...(await readableCase(access, await this.cases.link(stream, asOf))) };
  }

  /** The SM3 chain of `streams` (none: the whole log) and each attached file the reader may see, named as they may see it. */
  private async checked(reader: Actor, access: StreamAccess, streams?: readonly string[]): Promise<IntegrityReport> {
    const options = { ...(streams ? { streams } : {}), now: this.now(), ...this.files.checks(access, this.vault) };
    return this.files.shownReport(await integrityReport(this.store, options), reader);
  }

  /** Shows each person named in `entries` as the reader may see them (resolving a name is a recorded read). */
  private async redactorFor(entries: readonly HistoryEntry[], reader: Actor, ctx: ReadContext): Promise<Redactor> {
    return subjectRedactor(await resolveSubjects(subjectsIn(entries), reader, this.privacy, ctx), reader);
  }

  private reader(actor: Actor): Reader {
    return readerOf(this.policy, actor);
  }

  /** The case index must have seen the log (in-process worker); a separate worker is eventually consistent. */
  private async catchUp(): Promise<void> {
    await this.sync.waitFor(await this.store.headPosition());
  }

  private assertAuditor(reader: Actor, what: string): void {
    if (!AUDIT_TRAIL_READERS.includes(reader.role)) {
      throw DomainError.forbidden('AUTH.ROLE_NOT_ALLOWED', `${what} is for ${AUDIT_TRAIL_READERS.join(' and ')} only (not ${reader.role})`);
    }
  }

  private context(caseStream: string, unit: string | null, purpose: string | undefined, fallback: string): ReadContext {
    return { caseStream, caseUnit: unit, purpose: purpose?.trim() || `audit ${fallback}` };
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}
