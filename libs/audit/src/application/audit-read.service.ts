import { Inject, Injectable, Optional } from '@nestjs/common';
import { Actor, Clock, CLOCK, DomainError } from '@bihuan/core';
import { AccessPolicy } from '@bihuan/auth';
import { AsOf, EVENT_STORE, EventStore } from '@bihuan/event-store';
import { READ_MODEL_SYNC, ReadModelSync } from '@bihuan/platform';
import { ACCESS_LOG, AccessLog, PersonalDataAccess, SUBJECT_KEY_STORE, SubjectKeyStore } from '@bihuan/privacy';
import { listAsOf, stateAsOf } from '../as-of/as-of';
import { buildDossier } from '../dossier/build-dossier';
import { CaseHistoryService } from '../history/case-history.service';
import { HistoryPage } from '../history/case-history.types';
import { integrityReport, IntegrityReport } from '../integrity/integrity-report';
import { AUDIT_TRAIL_READERS, AuditTrail } from '../trail/audit-trail.port';
import { AccessLogFilter, AccessLogRow, listAccess } from './access-log-view';
import { AUDIT_TRAIL, CASE_HISTORY } from './audit.tokens';
import { CaseAccess } from './case-access';
import { institutionLedgerList, LedgerRow, ledgerRows } from './ledger-as-of';
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
  private readonly access: CaseAccess;
  private readonly privacy: PrivacyPorts;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CASE_HISTORY) private readonly cases: CaseHistoryService,
    @Inject(AUDIT_TRAIL) private readonly trail: AuditTrail,
    @Inject(READ_MODEL_SYNC) private readonly sync: ReadModelSync,
    policy: AccessPolicy,
    @Optional() personalData?: PersonalDataAccess,
    @Optional() @Inject(SUBJECT_KEY_STORE) keys?: SubjectKeyStore,
    @Optional() @Inject(ACCESS_LOG) private readonly log?: AccessLog,
  ) {
    this.access = new CaseAccess(store, policy);
    this.privacy = { ...(personalData ? { access: personalData } : {}), ...(keys ? { keys } : {}) };
  }

  async history(reader: Actor, stream: string, o: { page?: number; pageSize?: number; asOf?: AsOf; purpose?: string }): Promise<HistoryPage> {
    const unit = await this.access.assertCanRead(reader, stream);
    await this.catchUp();
    const page = await this.cases.history(stream, { ...o, reader });
    const ctx = this.context(stream, unit, o.purpose, 'history');
    const redact = subjectRedactor(await resolveSubjects(subjectsIn(page.entries), reader, this.privacy, ctx), reader);
    return { ...page, entries: page.entries.map((e) => ({ ...e, data: redact(e, reader) })) };
  }

  async state(reader: Actor, stream: string, asOf: AsOf | undefined, purpose?: string): Promise<CaseState> {
    const decider = stateDeciderFor(stream);
    await this.access.assertCanRead(reader, stream);
    const at = asOf ?? { position: (await this.store.headPosition()) ?? 0 };
    const result = await stateAsOf(this.store, stream, decider, at);
    await this.trail.record({ at: this.now(), reader, stream, action: 'asOf', purpose: purpose ?? '', detail: { asOf: at } });
    return { stream, ...result };
  }

  async ledger(reader: Actor, institutionId: string, asOf: AsOf | undefined): Promise<LedgerAsOf> {
    this.access.assertCanReadInstitution(reader, institutionId);
    const at = asOf ?? { position: (await this.store.headPosition()) ?? 0 };
    const result = await listAsOf(this.store, institutionLedgerList(institutionId), at);
    return { institutionId, asOf: at, events: result.events, position: result.position, rows: ledgerRows(result.state) };
  }

  async caseIntegrity(reader: Actor, stream: string): Promise<IntegrityReport & { root: string }> {
    await this.access.assertCanRead(reader, stream);
    await this.catchUp();
    const streams = this.cases.link(stream).streams.map((s) => s.stream);
    return { root: stream, ...(await integrityReport(this.store, { streams: streams.length > 0 ? streams : [stream], now: this.now() })) };
  }

  async logIntegrity(reader: Actor): Promise<IntegrityReport> {
    this.assertAuditor(reader, 'The integrity report of the whole log');
    return integrityReport(this.store, { now: this.now() });
  }

  async dossier(reader: Actor, stream: string, o: { asOf?: AsOf; purpose?: string }): Promise<DossierFile> {
    const unit = await this.access.assertCanRead(reader, stream);
    await this.catchUp();
    const history = await this.cases.full(stream, { reader, ...o });
    const integrity = await integrityReport(this.store, { streams: history.streams.map((s) => s.stream), now: this.now() });
    const ctx = this.context(stream, unit, o.purpose, 'dossier export');
    const redact = subjectRedactor(await resolveSubjects(subjectsIn(history.entries), reader, this.privacy, ctx), reader);
    const generatedAt = this.now();
    const html = buildDossier(history, integrity, reader, { generatedAt, redact, ...(o.purpose ? { purpose: o.purpose } : {}) });
    return { fileName: `dossier-${stream}-${generatedAt.replace(/[:.]/g, '')}.html`, html };
  }

  async accessLog(reader: Actor, filter: AccessLogFilter): Promise<{ total: number; rows: AccessLogRow[] }> {
    this.assertAuditor(reader, 'The access log');
    return listAccess({ trail: this.trail, ...(this.log ? { log: this.log } : {}) }, filter);
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
