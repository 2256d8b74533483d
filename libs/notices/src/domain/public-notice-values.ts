/**
 * The closed word lists of public notices (通报 · 公示). Codes are English and stored in events;
 * their Chinese words are public-notice-labels.ts, served by GET /catalogue.
 */

/**
 * What a notice reports (domain.md §6): complaint statistics and inspection results over a period,
 * the red list's changes over a period (the black list is never public: seed 002), or a campaign's
 * summary (专项行动).
 */
export const PUBLIC_NOTICE_KINDS = ['complaint-statistics', 'inspection-results', 'credit-list-changes', 'campaign-summary'] as const;
export type PublicNoticeKind = (typeof PUBLIC_NOTICE_KINDS)[number];

/** A notice is drafted, then published once; a published notice never changes (a correction is a new notice). */
export const PUBLIC_NOTICE_STATUSES = ['draft', 'published'] as const;
export type PublicNoticeStatus = (typeof PUBLIC_NOTICE_STATUSES)[number];

/**
 * Seed 002's publicity classes as they apply to a notice: `basic` information (the red list) is public
 * until its subject ceases; `adverse` information (findings, complaints about named institutions) is
 * public for the credit policy's `adversePublicYears` (5), then kept but no longer shown.
 */
export const PUBLICITY_CLASSES = ['basic', 'adverse'] as const;
export type PublicityClass = (typeof PUBLICITY_CLASSES)[number];

/** The class of what each kind publishes. */
export const PUBLICITY_OF_KIND: Readonly<Record<PublicNoticeKind, PublicityClass>> = {
  'complaint-statistics': 'adverse',
  'inspection-results': 'adverse',
  'credit-list-changes': 'basic',
  'campaign-summary': 'adverse',
};

export function isPublicNoticeKind(value: unknown): value is PublicNoticeKind {
  return typeof value === 'string' && (PUBLIC_NOTICE_KINDS as readonly string[]).includes(value);
}

/** Kinds over a period of Beijing days; a campaign summary is over its campaign instead. */
export function kindTakesPeriod(kind: PublicNoticeKind): boolean {
  return kind !== 'campaign-summary';
}

export const NOTICE_TITLE_MAX = 200;
export const NOTICE_PREFACE_MAX = 5000;
