import { Global, Module } from '@nestjs/common';
import { SESSION_VALIDATOR } from '@bihuan/auth';
import { AppConfig, CONFIG } from '@bihuan/platform';
import { AccountAdminService } from './application/account-admin.service';
import { AccountWriter } from './application/account-writes';
import { FIRST_START_OUTPUT, FirstStartOutput, FirstStartService } from './application/first-start.service';
import { SignInService } from './application/sign-in.service';
import { AdminAccountsController } from './http/admin-accounts.controller';
import { AuthController } from './http/auth.controller';
import { OidcController } from './http/oidc.controller';
import { SignInRateLimitGuard } from './http/sign-in-rate-limit.guard';
import { OidcSignInService } from './oidc/oidc-sign-in.service';
import { OIDC_SETTINGS, OidcSettings } from './oidc/oidc-settings';
import { SessionService } from './sessions/session.service';
import { SessionStore } from './sessions/session.store';
import { IdentitySessionValidator } from './sessions/session.validator';

/** Plain http only for an identity provider on this machine (a test's or a developer's). */
function oidcSettings(config: AppConfig): OidcSettings | null {
  if (!config.oidc) return null;
  const host = new URL(config.oidc.issuer).hostname;
  return { ...config.oidc, allowInsecure: ['127.0.0.1', 'localhost', '[::1]'].includes(host) };
}

/**
 * The one-time password line goes to stdout directly, not through the logger (whose level may hide
 * it), but in the log's JSON line shape so that log collectors reading stdout still parse it.
 */
const printFirstStartLine: FirstStartOutput = (line) => {
  process.stdout.write(`${JSON.stringify({ level: 'warn', time: new Date().toISOString(), context: 'FirstStart', msg: line })}\n`);
};

/**
 * Sign-in, sessions and single sign-on. Global so that AuthGuard (AuthModule's APP_GUARD) finds
 * SESSION_VALIDATOR: with this module every request's session is checked, without it tokens are
 * checked as before.
 */
@Global()
@Module({
  controllers: [AuthController, OidcController, AdminAccountsController],
  providers: [
    SessionStore,
    SessionService,
    IdentitySessionValidator,
    { provide: SESSION_VALIDATOR, useExisting: IdentitySessionValidator },
    AccountWriter,
    SignInService,
    AccountAdminService,
    OidcSignInService,
    SignInRateLimitGuard,
    FirstStartService,
    { provide: OIDC_SETTINGS, useFactory: oidcSettings, inject: [CONFIG] },
    { provide: FIRST_START_OUTPUT, useValue: printFirstStartLine },
  ],
  exports: [SESSION_VALIDATOR, SessionService, SignInService, FirstStartService],
})
export class IdentityModule {}
