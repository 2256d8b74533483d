import { Inject, Injectable } from '@nestjs/common';
import { Kysely } from 'kysely';
import { SqlDatabase } from '@bihuan/database';
import { READ_MODELS } from '@bihuan/platform';
import { IdentityTables } from './identity.migrations';

export type SessionRow = IdentityTables['identity_sessions'];

/** What presenting a refresh token found. */
export type RefreshLookup =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'reused'; readonly session: SessionRow }
  | { readonly kind: 'current'; readonly session: SessionRow };

/** Sessions, refresh-token hashes, OIDC login states and external links (identity.migrations.ts). */
@Injectable()
export class SessionStore {
  private readonly db: Kysely<IdentityTables>;

  constructor(@Inject(READ_MODELS) database: SqlDatabase) {
    this.db = database.db.withTables<IdentityTables>();
  }

  async create(session: SessionRow, refreshHash: string): Promise<void> {
    await this.db.insertInto('identity_sessions').values(session).execute();
    await this.db
      .insertInto('identity_refresh_tokens')
      .values({ token_hash: refreshHash, session_id: session.session_id, issued_at: session.created_at, used_at: null })
      .execute();
  }

  async get(sessionId: string): Promise<SessionRow | undefined> {
    return this.db.selectFrom('identity_sessions').selectAll().where('session_id', '=', sessionId).executeTakeFirst();
  }

  async lookupRefresh(tokenHash: string): Promise<RefreshLookup> {
    const token = await this.db.selectFrom('identity_refresh_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    const session = token ? await this.get(token.session_id) : undefined;
    if (!token || !session) return { kind: 'unknown' };
    return token.used_at ? { kind: 'reused', session } : { kind: 'current', session };
  }

  /**
   * Marks the presented token used and adds its successor, only if it was still unused: of two
   * concurrent refreshes with one token, exactly one wins and the other is a reuse.
   */
  async rotate(oldHash: string, newHash: string, sessionId: string, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('identity_refresh_tokens')
      .set({ used_at: now })
      .where('token_hash', '=', oldHash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await this.db
      .insertInto('identity_refresh_tokens')
      .values({ token_hash: newHash, session_id: sessionId, issued_at: now, used_at: null })
      .execute();
    return true;
  }

  async revoke(sessionId: string, reason: string, now: string): Promise<void> {
    await this.db
      .updateTable('identity_sessions')
      .set({ revoked_at: now, revoked_reason: reason })
      .where('session_id', '=', sessionId)
      .where('revoked_at', 'is', null)
      .execute();
  }

  async revokeAllOf(userId: string, reason: string, now: string): Promise<void> {
    await this.db
      .updateTable('identity_sessions')
      .set({ revoked_at: now, revoked_reason: reason })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .execute();
  }

  async putLogin(state: string, nonce: string, codeVerifier: string, now: string): Promise<void> {
    await this.db.insertInto('identity_oidc_logins').values({ state, nonce, code_verifier: codeVerifier, created_at: now }).execute();
  }

  /** A login state is good once: taken and deleted together. */
  async takeLogin(state: string): Promise<IdentityTables['identity_oidc_logins'] | undefined> {
    const row = await this.db.selectFrom('identity_oidc_logins').selectAll().where('state', '=', state).executeTakeFirst();
    if (!row) return undefined;
    const deleted = await this.db.deleteFrom('identity_oidc_logins').where('state', '=', state).executeTakeFirst();
    return Number(deleted.numDeletedRows) === 1 ? row : undefined;
  }

  async putLink(issuer: string, subject: string, userId: string): Promise<void> {
    await this.db.deleteFrom('identity_external_links').where('issuer', '=', issuer).where('subject', '=', subject).execute();
    await this.db.insertInto('identity_external_links').values({ issuer, subject, user_id: userId }).execute();
  }

  async deleteLink(issuer: string, subject: string): Promise<void> {
    await this.db.deleteFrom('identity_external_links').where('issuer', '=', issuer).where('subject', '=', subject).execute();
  }

  async linkedUser(issuer: string, subject: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('identity_external_links')
      .select('user_id')
      .where('issuer', '=', issuer)
      .where('subject', '=', subject)
      .executeTakeFirst();
    return row?.user_id;
  }
}
