/**
 * @bihuan/referrals — referrals to partner agencies (移交) and leads from them (交办线索), domain.md §6.
 * Catalogue of commands, events and error codes: docs/events/referrals.md; the API: docs/referrals.md.
 */
export * from './domain/referral-values';
export * from './domain/referral-errors';
export * from './domain/referral-policy';
export * from './domain/referral/referral.commands';
export * from './domain/referral/referral.events';
export * from './domain/referral/referral.state';
export * from './domain/referral/referral.decider';
export * from './domain/lead/lead.messages';
export * from './domain/lead/lead.decider';
export * from './domain/referrals.visibility';
export * from './application/case-dossier.port';
export * from './application/referral-writes';
export * from './application/referral.handler';
export * from './application/lead.handler';
export * from './read-models/referrals.migrations';
export * from './read-models/referrals.projection';
export * from './read-models/referrals.queries';
export * from './read-models/referral-views';
export * from './read-models/open-steps.queries';
export * from './summaries/referrals.summaries';
export * from './referrals.module';
export * from './referrals.worker';
