import { HttpException, HttpStatus, Inject, Injectable, Optional } from '@nestjs/common';
import { AccessPolicy, readerOf, Unit } from '@bihuan/auth';
import { ComplaintTicketQueries } from '@bihuan/complaints';
import { Actor, assertReadGranted, Clock, CLOCK, isDomainError, streamName } from '@bihuan/core';
import { EVIDENCE_VAULT, EvidenceContent, EvidenceVault } from '@bihuan/evidence';
import { KeysetPage } from '@bihuan/platform';
import { ACCESS_LOG, AccessLog } from '@bihuan/privacy';
import { referralError } from '../domain/referral-errors';
import { REFERRAL_CATEGORY } from '../domain/referral/referral.decider';
import { leadVisibility, ReferralParties, referralVisibility } from '../domain/referrals.visibility';
import { LeadView, ReferralFileView, ReferralView } from '../read-models/referral-views';
import { ExchangeScope, ReferralFilter, ReferralQueries } from '../read-models/referrals.queries';
import { referrableAgencies } from './referral-terms';

/** How far a lead's ticket has come: its public step and dates (what a complainant would see, without the answer). */
export interface LeadTicket {
  readonly ticketCode: string;
  readonly step: string;
  readonly receivedAt: string;
  readonly answeredAt: string | null;
  readonly closedAt: string | null;
  readonly declinedAt: string | null;
}

/** A partner agency a referral may go to, as the referrer's picker shows it. */
export interface ReferralAgency extends Pick<Unit, 'id' | 'name'> {
  readonly agencyType: string;
  /** The commission it works beside. */
  readonly parentId: string;
}

export type ReferralDetail = ReferralView & { readonly files: ReferralFileView[] };
export type LeadDetail = LeadView & { readonly ticket: LeadTicket | null };

/**
 * The reads of referrals and leads, each decided by the context's visibility declarations on the
 * row (one rule with the audit's): a partner reads its own agency's, commission staff their
 * jurisdiction's, hospitals none. A file leaves only after the read is in the access log.
 */
@Injectable()
export class ReferralReads {
  constructor(
    private readonly queries: ReferralQueries,
    private readonly tickets: ComplaintTicketQueries,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional() @Inject(EVIDENCE_VAULT) private readonly vault?: EvidenceVault,
    @Optional() @Inject(ACCESS_LOG) private readonly log?: AccessLog,
  ) {}

  referrals(actor: Actor, filter: ReferralFilter, cursor: string | undefined, pageSize: number): Promise<KeysetPage<ReferralView>> {
    return this.queries.referrals(this.scopeOf(actor), filter, cursor, pageSize);
  }

  /** The agencies the referrer may pick from (the route's roles are the referrers'): directory units, no case data. */
  agencies(actor: Actor): { agencies: ReferralAgency[] } {
    const agencies = referrableAgencies(this.access.jurisdiction, actor.unit);
    return { agencies: agencies.map((u) => ({ id: u.id, name: u.name, agencyType: u.agencyType ?? 'other', parentId: u.parentId ?? '' })) };
  }

  async referral(actor: Actor, referralId: string): Promise<ReferralDetail> {
    const referral = await this.readableReferral(actor, referralId);
    return { ...referral, files: await this.queries.files(referralId) };
  }

  /** A file of the referral (its case file, the agency's documents), recorded as an export before any byte leaves. */
  async file(actor: Actor, referralId: string, digest: string): Promise<{ file: ReferralFileView; content: EvidenceContent }> {
    await this.readableReferral(actor, referralId);
    const file = (await this.queries.files(referralId)).find((f) => f.digest === digest);
    if (!file) throw referralError('FILE_NOT_FOUND', `Referral ${referralId} has no file ${digest}`, { digest });
    if (!this.vault)
      throw new HttpException({ code: 'UNAVAILABLE', message: 'No evidence vault is configured' }, HttpStatus.SERVICE_UNAVAILABLE);
    const content = await this.vault.read({ digest: file.digest, size: file.size, mediaType: file.mediaType, name: file.name });
    if (content === 'missing' || content === 'erased')
      throw referralError('FILE_NOT_FOUND', `File ${digest} of referral ${referralId} is missing from the store`, { digest });
    await this.log?.record({
      at: this.clock.now().toISOString(),
      reader: actor,
      action: 'export',
      subjectId: null,
      caseStream: streamName(REFERRAL_CATEGORY, referralId),
      purpose: `移交材料下载 (file ${digest})`,
      outcome: 'granted',
    });
    return { file, content };
  }

  leads(actor: Actor, cursor: string | undefined, pageSize: number): Promise<KeysetPage<LeadView>> {
    return this.queries.leads(this.scopeOf(actor), cursor, pageSize);
  }

  async lead(actor: Actor, leadId: string): Promise<LeadDetail> {
    const lead = await this.queries.lead(leadId);
    const notFound = () => referralError('LEAD_NOT_FOUND', `No lead ${leadId}`);
    if (!lead) throw notFound();
    const parties: ReferralParties = { institutionId: lead.institutionId, commissionUnit: lead.toUnit, agencyUnit: lead.fromUnit };
    assertReadGranted(leadVisibility.decide(readerOf(this.access, actor), parties), notFound);
    return { ...lead, ticket: lead.ticketId ? await this.ticketOf(lead.ticketId) : null };
  }

  private async readableReferral(actor: Actor, referralId: string): Promise<ReferralView> {
    const referral = await this.queries.referral(referralId);
    const notFound = () => referralError('NOT_FOUND', `No referral ${referralId}`);
    if (!referral) throw notFound();
    const parties: ReferralParties = {
      institutionId: referral.institutionId,
      commissionUnit: referral.fromUnit,
      agencyUnit: referral.toUnit,
    };
    assertReadGranted(referralVisibility.decide(readerOf(this.access, actor), parties), notFound);
    return referral;
  }

  /** The ticket's step and dates only: the agency sent the lead, it does not handle the complaint. */
  private async ticketOf(ticketId: string): Promise<LeadTicket | null> {
    try {
      const s = await this.tickets.publicStatus(ticketId);
      return {
        ticketCode: s.ticketCode,
        step: s.step,
        receivedAt: s.receivedAt,
        answeredAt: s.answeredAt,
        closedAt: s.closedAt,
        declinedAt: s.declinedAt,
      };
    } catch (error) {
      if (isDomainError(error) && error.kind === 'not_found') return null;
      throw error;
    }
  }

  /** Whose exchanges a reader lists: a partner its agency's; the province's admin all; other staff their subtree's. */
  private scopeOf(actor: Actor): ExchangeScope {
    if (actor.role === 'partner') return { agency: actor.unit };
    if (this.access.readsEverywhere(actor)) return { all: true };
    return { units: actor.role === 'hospital' ? [] : this.access.visibleUnits(actor) };
  }
}
