import { ReferralsTables } from './referrals.migrations';

type ReferralRow = ReferralsTables['referrals_referrals'];
type FileRow = ReferralsTables['referrals_files'];
type LeadRow = ReferralsTables['referrals_leads'];

export interface ReferralOutcomeView {
  readonly outcome: string;
  readonly text: string;
  readonly evidence: string[];
  readonly recordedBy: string;
  readonly recordedAt: string;
}

/** A referral as its readers see it (the case's own content is in its case file, not here). */
export interface ReferralView {
  readonly referralId: string;
  readonly sourceStream: string;
  readonly sourceCategory: string;
  readonly institutionId: string | null;
  readonly fromUnit: string;
  readonly toUnit: string;
  readonly agencyType: string;
  readonly reason: string;
  readonly status: string;
  readonly dossierDigest: string;
  readonly referredBy: string;
  readonly referredAt: string;
  readonly acknowledgeDueAt: string | null;
  readonly acknowledgeOverdue: boolean;
  readonly acknowledgedBy: string | null;
  readonly acknowledgedAt: string | null;
  readonly outcome: ReferralOutcomeView | null;
  readonly closedBy: string | null;
  readonly closedAt: string | null;
  readonly closeNote: string | null;
}

export interface ReferralFileView {
  readonly digest: string;
  readonly name: string;
  readonly size: number;
  readonly mediaType: string;
  /** `referralDossier` (the case file sent) or `referralOutcome` (the agency's documents). */
  readonly step: string;
  readonly note: string | null;
  readonly attachedBy: string;
  readonly attachedAt: string;
}

/** A lead as the agency that sent it and the commission that received it see it; never the informant. */
export interface LeadView {
  readonly leadId: string;
  readonly fromUnit: string;
  readonly agencyType: string;
  readonly toUnit: string;
  readonly institutionId: string | null;
  readonly category: string;
  readonly description: string;
  readonly agencyReference: string | null;
  readonly status: string;
  readonly submittedBy: string;
  readonly submittedAt: string;
  readonly ticketId: string | null;
  readonly ticketCode: string | null;
  readonly registeredAt: string | null;
}

export function toReferralView(r: ReferralRow): ReferralView {
  return {
    referralId: r.referral_id,
    sourceStream: r.source_stream,
    sourceCategory: r.source_category,
    institutionId: r.institution_id,
    fromUnit: r.from_unit,
    toUnit: r.to_unit,
    agencyType: r.agency_type,
    reason: r.reason,
    status: r.status,
    dossierDigest: r.dossier_digest,
    referredBy: r.referred_by,
    referredAt: r.referred_at,
    acknowledgeDueAt: r.ack_due_at,
    acknowledgeOverdue: Number(r.ack_overdue) === 1,
    acknowledgedBy: r.acknowledged_by,
    acknowledgedAt: r.acknowledged_at,
    outcome:
      r.outcome === null
        ? null
        : {
            outcome: r.outcome,
            text: r.outcome_text ?? '',
            evidence: JSON.parse(r.outcome_evidence ?? '[]') as string[],
            recordedBy: r.outcome_by ?? '',
            recordedAt: r.outcome_at ?? '',
          },
    closedBy: r.closed_by,
    closedAt: r.closed_at,
    closeNote: r.close_note,
  };
}

export function toFileView(r: FileRow): ReferralFileView {
  return {
    digest: r.digest,
    name: r.name,
    size: Number(r.size),
    mediaType: r.media_type,
    step: r.step,
    note: r.note,
    attachedBy: r.attached_by,
    attachedAt: r.attached_at,
  };
}

export function toLeadView(r: LeadRow): LeadView {
  return {
    leadId: r.lead_id,
    fromUnit: r.from_unit,
    agencyType: r.agency_type,
    toUnit: r.to_unit,
    institutionId: r.institution_id,
    category: r.category,
    description: r.description,
    agencyReference: r.agency_reference,
    status: r.status,
    submittedBy: r.submitted_by,
    submittedAt: r.submitted_at,
    ticketId: r.ticket_id,
    ticketCode: r.ticket_code,
    registeredAt: r.registered_at,
  };
}
