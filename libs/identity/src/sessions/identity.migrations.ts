import { MigrationSet } from '@bihuan/database';

/**
 * Identity's tables in the read-model database. Not a read model: sessions and refresh tokens are
 * operational state (hashes only), and the sign-ins that made them are on the record in the
 * account streams. `identity_external_links` is written with each link event (the lookup by an
 * identity provider's subject at SSO sign-in).
 */
export const IDENTITY_MIGRATIONS: MigrationSet = {
  owner: 'identity',
  migrations: {
    '0001-sessions': async (db) => {
      await db.schema
        .createTable('identity_sessions')
        .ifNotExists()
        .addColumn('session_id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('unit', 'text', (c) => c.notNull())
        .addColumn('method', 'text', (c) => c.notNull())
        .addColumn('must_change', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .addColumn('revoked_reason', 'text')
        .execute();
      await db.schema.createIndex('identity_sessions_user').ifNotExists().on('identity_sessions').column('user_id').execute();
      await db.schema
        .createTable('identity_refresh_tokens')
        .ifNotExists()
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('session_id', 'text', (c) => c.notNull())
        .addColumn('issued_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .execute();
      await db.schema.createIndex('identity_refresh_session').ifNotExists().on('identity_refresh_tokens').column('session_id').execute();
      await db.schema
        .createTable('identity_oidc_logins')
        .ifNotExists()
        .addColumn('state', 'text', (c) => c.primaryKey())
        .addColumn('nonce', 'text', (c) => c.notNull())
        .addColumn('code_verifier', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('identity_external_links')
        .ifNotExists()
        .addColumn('issuer', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('identity_external_links_pk', ['issuer', 'subject'])
        .execute();
    },
  },
};

export type IdentityTables = {
  identity_sessions: {
    session_id: string;
    user_id: string;
    role: string;
    unit: string;
    method: string;
    must_change: number;
    created_at: string;
    expires_at: string;
    revoked_at: string | null;
    revoked_reason: string | null;
  };
  identity_refresh_tokens: { token_hash: string; session_id: string; issued_at: string; used_at: string | null };
  identity_oidc_logins: { state: string; nonce: string; code_verifier: string; created_at: string };
  identity_external_links: { issuer: string; subject: string; user_id: string };
};
