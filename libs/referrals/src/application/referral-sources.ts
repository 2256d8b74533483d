import { AccessPolicy, readerOf } from '@bihuan/auth';
import { complaintTicketVisibility } from '@bihuan/complaints';
import { Actor, assertReadGranted, categoryOf, foldVisibility, StreamVisibility } from '@bihuan/core';
import { ethicsArchiveVisibility } from '@bihuan/ethics';
import { EventStore } from '@bihuan/event-store';
import { findingVisibility } from '@bihuan/inspection';
import { referralError } from '../domain/referral-errors';
import { ReferralSource } from '../domain/referral/referral.commands';
import { isOneOf, REFERRAL_SOURCE_CATEGORIES, ReferralSourceCategory } from '../domain/referral-values';

/** Who may read each kind of case referred: its own context's declaration (architecture rule 9). */
const SOURCE_VISIBILITY: Readonly<Record<ReferralSourceCategory, StreamVisibility>> = {
  finding: findingVisibility as StreamVisibility,
  complaintTicket: complaintTicketVisibility as StreamVisibility,
  ethicsArchive: ethicsArchiveVisibility as StreamVisibility,
};

/** The case as a referral names it, and the correlation its latest event is in (which the referral continues). */
export interface OpenedSource extends ReferralSource {
  readonly correlationId: string;
}

/**
 * Opens the case to be referred as the referrer may read it — 400 for a stream that is no case a
 * referral names, 404 for one that does not exist or is hidden, 403 out of scope — and says which
 * institution it belongs to. The referral then continues the correlation of the case's latest
 * event, so the audit links the two both ways (the case's history shows the referral).
 */
export async function openSource(store: EventStore, access: AccessPolicy, actor: Actor, stream: string): Promise<OpenedSource> {
  const category = categoryOf(stream);
  if (!isOneOf(REFERRAL_SOURCE_CATEGORIES, category) || !stream.includes('-'))
    throw referralError('SOURCE_NOT_REFERABLE', `${stream}: only a finding, a complaint or an ethics archive is referred`, {
      field: 'sourceStream',
    });
  const events = await store.readStream(stream);
  const notFound = () => referralError('SOURCE_NOT_FOUND', `No case ${stream}`, { field: 'sourceStream' });
  const last = events.at(-1);
  if (!last) throw notFound();
  const rule = SOURCE_VISIBILITY[category];
  const institutionId = assertReadGranted(rule.decide(readerOf(access, actor), foldVisibility(rule, events)), notFound);
  return { stream, category, institutionId, correlationId: last.metadata.correlationId };
}

/** The correlation a stream's exchange runs in: that of its first event (null for a stream not yet written). */
export async function correlationOf(store: EventStore, stream: string): Promise<string | null> {
  const [first] = await store.readStream(stream, { maxCount: 1 });
  return first?.metadata.correlationId ?? null;
}
