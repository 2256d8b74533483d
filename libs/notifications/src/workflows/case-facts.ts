import { categoryOf } from '@bihuan/core';

/**
 * An event as the notification rules read it: type, data and where it was recorded. Structural (no
 * store types), so the rules stay pure; the producer passes the store's recorded events.
 */
export interface SourceEvent {
  readonly type: string;
  readonly data: object;
  readonly streamName: string;
  readonly metadata: { readonly eventId: string; readonly occurredAt: string };
}

/**
 * What the rules need to know of the case an event belongs to, beyond the event itself: a finding
 * event names only its finding, so who owns it (the institution) and who inspects it (the visit's
 * inspectors) come from the case's earlier events. Folded by `foldCaseFacts` from the case stream
 * (and the visit's stream for the inspectors), read by the producer; the rules never read the store.
 */
export interface CaseFacts {
  /** The institution that must act (a finding's institution, a ticket's current handling institution). */
  readonly institutionId: string | null;
  /** A finding's visit: the producer reads the visit's stream for its inspectors. */
  readonly visitId: string | null;
  readonly inspectorIds: readonly string[];
  /** A finding's description (staff wording, no personal data) — null for a ticket. */
  readonly description: string | null;
  /** Deadline id → purpose, from DeadlineSet (DeadlineWarned names only the id). */
  readonly purposes: Readonly<Record<string, string>>;
  // Complaint tickets only:
  readonly ticketCode: string | null;
  readonly receivingUnit: string | null;
  /** Who acts for the receiving unit: a commission's inspectors, or an institution's complaint office. */
  readonly ownerRole: 'inspector' | 'hospital';
  /** The complainant's subject and ciphertext, when named: the producer decrypts the phone from it. */
  readonly complainant: { readonly subjectId: string; readonly identityCiphertext: string } | null;
  /** The complainant consented to SMS on status changes (ComplaintReceived.notifyBySms). */
  readonly notifyBySms: boolean;
  // Reporting duties only:
  /** The commission unit that issued the campaign: its office reviews the report. */
  readonly issuingUnitId: string | null;
  /**
   * What the duty asks for, in the assignment's words, and which kind of unit owes it (the unit is
   * `institutionId`): an institution, or a lower commission (`commission`, ADR 0024).
   */
  readonly reportDuty: {
    readonly campaignTitle: string;
    readonly kind: string;
    readonly dueOn: string;
    readonly owingUnitKind: 'institution' | 'commission';
  } | null;
  // Referrals only:
  /** Who referred (a commission unit) and to which partner agency, and what kind of case went. */
  readonly referral: { readonly fromUnit: string; readonly toUnit: string; readonly sourceCategory: string } | null;
}

export const NO_FACTS: CaseFacts = {
  institutionId: null,
  visitId: null,
  inspectorIds: [],
  description: null,
  purposes: {},
  ticketCode: null,
  receivingUnit: null,
  ownerRole: 'inspector',
  complainant: null,
  notifyBySms: false,
  issuingUnitId: null,
  reportDuty: null,
  referral: null,
};

type Data = Readonly<Record<string, unknown>>;
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** One step of the fold: the facts after `event` (of a finding, visit, ticket, reporting duty or referral stream). */
export function evolveCaseFacts(facts: CaseFacts, event: Pick<SourceEvent, 'type' | 'data'>): CaseFacts {
  const d = event.data as Data;
  switch (event.type) {
    case 'FindingOpened':
      return {
        ...facts,
        institutionId: str(d['institutionId']),
        visitId: str(d['visitId']),
        description: str(d['description']),
      };
    case 'VisitPlanned':
    case 'VisitConducted':
      return { ...facts, inspectorIds: strings(d['inspectorIds']) };
    case 'DeadlineSet': {
      const id = str(d['deadlineId']);
      const purpose = str(d['purpose']);
      return id && purpose ? { ...facts, purposes: { ...facts.purposes, [id]: purpose } } : facts;
    }
    case 'ComplaintReceived': {
      const c = d['complainant'] as Data | undefined;
      const named = c?.['kind'] === 'named' && str(c['subjectId']) && str(c['identityCiphertext']);
      return {
        ...facts,
        ticketCode: str(d['ticketCode']),
        receivingUnit: str(d['receivingUnit']),
        institutionId: str(d['institutionId']),
        // An institution receives complaints about itself only: received there when the two are one.
        ownerRole: d['receivingUnit'] === d['institutionId'] ? 'hospital' : 'inspector',
        complainant: named ? { subjectId: String(c['subjectId']), identityCiphertext: String(c['identityCiphertext']) } : null,
        notifyBySms: d['notifyBySms'] === true,
      };
    }
    case 'ComplaintDispatched':
    case 'ComplaintReopened':
      return { ...facts, institutionId: str(d['institutionId']) };
    case 'ReportDutyAssigned':
      return {
        ...facts,
        institutionId: str(d['institutionId']),
        issuingUnitId: str(d['issuingUnitId']),
        reportDuty: {
          campaignTitle: str(d['campaignTitle']) ?? '',
          kind: str(d['kind']) ?? '',
          dueOn: str(d['dueOn']) ?? '',
          owingUnitKind: d['owingUnitKind'] === 'commission' ? 'commission' : 'institution',
        },
      };
    case 'ReferralMade':
      return {
        ...facts,
        institutionId: str(d['institutionId']),
        referral: { fromUnit: str(d['fromUnit']) ?? '', toUnit: str(d['toUnit']) ?? '', sourceCategory: str(d['sourceCategory']) ?? '' },
      };
    // 上报卫健委: the commission owns it now, and no institution handles it.
    case 'ComplaintEscalated':
      return { ...facts, receivingUnit: str(d['toUnit']), ownerRole: 'inspector', institutionId: null };
    default:
      return facts;
  }
}

export function foldCaseFacts(events: Iterable<Pick<SourceEvent, 'type' | 'data'>>, from: CaseFacts = NO_FACTS): CaseFacts {
  let facts = from;
  for (const e of events) facts = evolveCaseFacts(facts, e);
  return facts;
}

/** The stream categories whose events the rules answer (others are never read for facts). */
export const NOTIFYING_CATEGORIES: readonly string[] = ['finding', 'complaintTicket', 'reportDuty', 'referral'];

export function isNotifyingStream(stream: string): boolean {
  return NOTIFYING_CATEGORIES.includes(categoryOf(stream));
}
