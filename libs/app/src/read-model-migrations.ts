import { MigrationSet } from '@bihuan/database';
import { INSPECTION_MIGRATIONS } from '@bihuan/inspection';
import { COMPLAINTS_MIGRATIONS } from '@bihuan/complaints';
import { ETHICS_MIGRATIONS } from '@bihuan/ethics';
import { CREDIT_MIGRATIONS } from '@bihuan/credit';
import { CAMPAIGNS_MIGRATIONS } from '@bihuan/campaigns';
import { NOTICES_MIGRATIONS } from '@bihuan/notices';
import { AUDIT_MIGRATIONS } from '@bihuan/audit';
import { REFERRALS_MIGRATIONS } from '@bihuan/referrals';
import { ACCESS_LOG_MIGRATIONS } from '@bihuan/privacy';
import { IDENTITY_MIGRATIONS } from '@bihuan/identity';
import { NOTIFICATIONS_MIGRATIONS } from '@bihuan/notifications';

/**
 * The schema migrations of every context this application serves (CONTEXT_MODULES), run at start
 * on the read-model database after the platform's own. Add each context's set here beside its module.
 */
export const READ_MODEL_MIGRATIONS: readonly MigrationSet[] = [
  INSPECTION_MIGRATIONS,
  COMPLAINTS_MIGRATIONS,
  ETHICS_MIGRATIONS,
  CREDIT_MIGRATIONS,
  CAMPAIGNS_MIGRATIONS,
  NOTICES_MIGRATIONS,
  REFERRALS_MIGRATIONS,
  AUDIT_MIGRATIONS, // the case index and the audit trail
  IDENTITY_MIGRATIONS, // sessions and refresh-token hashes (operational state, not a read model)
  NOTIFICATIONS_MIGRATIONS, // the inbox and the delivery outbox (operational state, not a read model)
  ACCESS_LOG_MIGRATIONS, // privacy's access log lives beside the read models, not with the keys (docs/privacy.md)
];
