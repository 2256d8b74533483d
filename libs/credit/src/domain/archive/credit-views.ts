import { Role } from '@bihuan/core';
import { CreditPolicy, DEFAULT_CREDIT_POLICY } from '../credit-policy';
import { addMonths, CreditInfoClass, CreditList } from '../credit-values';
import { CreditRecord, OpenCreditArchiveState, PointsEntry } from './credit-archive.state';

/** One line of credit information as a reader sees it. */
export interface CreditViewItem {
  readonly id: string;
  readonly infoClass: CreditInfoClass;
  /** `archive`, `commitment`, `red-list`, `black-list`, `points`, `measure`, or the information record's kind. */
  readonly kind: string;
  readonly title: string;
  /** ISO-8601; null for the archive's own entry. */
  readonly occurredAt: string | null;
  readonly until: string | null;
}

/** The public credit page of an institution: nothing beyond publicView. */
export interface PublicCreditPage {
  readonly institution: { readonly id: string; readonly name: string };
  readonly asOf: string;
  readonly basic: readonly CreditViewItem[];
  /** Adverse information that occurred within the last 5 years (older is kept, not shown). */
  readonly adverse: readonly CreditViewItem[];
  readonly redList: readonly CreditViewItem[];
}

export type CreditAudience = 'public' | 'hospital' | 'partner';

export interface CreditView {
  readonly institutionId: string;
  readonly audience: CreditAudience;
  readonly asOf: string;
  readonly items: readonly CreditViewItem[];
}

/** Every item of the archive with its class; adverse ones carry their occurrence date (the 5-year clock). */
function allItems(s: OpenCreditArchiveState, points: readonly PointsEntry[]): CreditViewItem[] {
  const a = s.archive;
  const items: CreditViewItem[] = [
    {
      id: `archive-${a.institutionId}`,
      infoClass: 'basic',
      kind: 'archive',
      title: a.name ?? a.institutionId,
      occurredAt: null,
      until: null,
    },
    // A supplier agreement (廉洁诚信协议) names its supplier and runs until the end of its term.
    ...Object.values(s.commitments).map((c) => ({
      id: c.commitmentId,
      infoClass: 'basic' as const,
      kind: 'commitment',
      title: c.supplier ? `${c.text}（供应商：${c.supplier.name}）` : c.text,
      occurredAt: c.pledgedAt,
      until: c.validUntil ?? null,
    })),
    ...Object.values(s.information).map((i) => ({
      id: i.recordId,
      infoClass: i.infoClass,
      kind: i.kind,
      title: i.title,
      occurredAt: i.occurredAt,
      until: null,
    })),
    ...points
      .filter((p) => !p.revoked)
      .map((p) => ({
        id: p.pointsId,
        infoClass: 'adverse' as const,
        kind: 'points',
        title: `${p.behaviour} ${p.points}`,
        occurredAt: p.occurredAt,
        until: null,
      })),
    ...s.measures.map((m) => ({
      id: m.noticeId,
      infoClass: 'adverse' as const,
      kind: 'measure',
      title: m.measures.join(','),
      occurredAt: m.imposedAt,
      until: null,
    })),
    ...Object.values(s.lists)
      .filter((e) => e.status === 'active')
      .map((e) => ({
        id: e.entryId,
        infoClass: e.list === 'black' ? ('blacklist' as const) : ('basic' as const),
        kind: `${e.list}-list`,
        title: e.reason,
        occurredAt: e.listedAt,
        until: e.expiresAt,
      })),
  ];
  return items;
}

function view(record: CreditRecord, audience: CreditAudience, now: string, keep: (item: CreditViewItem) => boolean): CreditView | null {
  const state = record.archive;
  if (state.status !== 'open') return null;
  return { institutionId: state.archive.institutionId, audience, asOf: now, items: allItems(state, record.points).filter(keep) };
}

/**
 * What anyone may see (the public credit page): basic information (incl. the active red list),
 * adverse information for `adversePublicYears` (5) after it occurred — older adverse items are kept
 * in the archive but not shown — and never blacklist information.
 */
export function publicView(state: CreditRecord, now: string, policy: CreditPolicy = DEFAULT_CREDIT_POLICY): CreditView | null {
  return view(
    state,
    'public',
    now,
    (i) =>
      i.infoClass === 'basic' ||
      (i.infoClass === 'adverse' &&
        i.occurredAt !== null &&
        Date.parse(addMonths(i.occurredAt, policy.adversePublicYears * 12)) > Date.parse(now)),
  );
}

/** Hospital, inspector, leader and admin: basic and all adverse information, never blacklist. */
export function hospitalView(state: CreditRecord, now: string): CreditView | null {
  return view(state, 'hospital', now, (i) => i.infoClass !== 'blacklist');
}

/** Partner agencies under a joint-discipline memorandum: everything, blacklist included. */
export function partnerView(state: CreditRecord, now: string): CreditView | null {
  return view(state, 'partner', now, () => true);
}

/** Black-list information is shared only with partner agencies under a joint-discipline memorandum (seed 002). */
export function seesBlacklist(role: Role | 'anonymous'): boolean {
  return role === 'partner';
}

/** A level's reason as a role may read it: "black list" is named to those who see the black list only. */
export function levelReasonFor(role: Role | 'anonymous', reason: string): string {
  return reason === 'black list' && !seesBlacklist(role) ? 'withheld' : reason;
}

/** The view a role may read; the single entry point every read path should use. */
export function creditViewFor(
  role: Role | 'anonymous',
  state: CreditRecord,
  now: string,
  policy: CreditPolicy = DEFAULT_CREDIT_POLICY,
): CreditView | null {
  if (seesBlacklist(role)) return partnerView(state, now);
  if (role === 'public' || role === 'anonymous' || role === 'system') return publicView(state, now, policy);
  return hospitalView(state, now);
}

/** An active red- or black-list entry (红黑榜) as a reader may see it: the leaders' statistics. */
export interface VisibleListEntry {
  readonly institutionId: string;
  readonly entryId: string;
  readonly list: CreditList;
  readonly reason: string;
  readonly listedAt: string;
  readonly expiresAt: string;
}

/**
 * The active list entries of an archive a role may see: red-list entries are basic information
 * (public), black-list ones are shared with partner agencies only (seesBlacklist) — the same rule
 * as creditViewFor, so a leader's count never includes the black list.
 */
export function visibleListEntries(role: Role | 'anonymous', record: CreditRecord): VisibleListEntry[] {
  const state = record.archive;
  if (state.status !== 'open') return [];
  return Object.values(state.lists)
    .filter((e) => e.status === 'active' && (e.list === 'red' || seesBlacklist(role)))
    .map((e) => ({
      institutionId: state.archive.institutionId,
      entryId: e.entryId,
      list: e.list,
      reason: e.reason,
      listedAt: e.listedAt,
      expiresAt: e.expiresAt,
    }))
    .sort((a, b) => (a.listedAt < b.listedAt ? -1 : a.listedAt > b.listedAt ? 1 : 0));
}
