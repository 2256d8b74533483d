import { DynamicModule, Global, Module, Type } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { Clock, CLOCK } from '@bihuan/core';
import { AccessPolicy } from '../access-policy';
import { Jurisdiction } from '../jurisdiction';
import { TokenKeys, TokenRules, TokenService } from '../token.service';
import { AuthGuard } from './auth.guard';

export interface AuthModuleOptions {
  readonly keys: TokenKeys;
  readonly rules: TokenRules;
  /**
   * The module that provides and exports `Jurisdiction` and `UserDirectory` (the live directory,
   * @bihuan/directory's DirectoryViewModule; a fixed one in specs). Re-exported globally.
   */
  readonly directory: DynamicModule | Type<unknown>;
}

/** Global: the token service, the jurisdiction tree, the user directory, the access policy and the guard on every route. */
@Global()
@Module({})
export class AuthModule {
  static forRoot(options: AuthModuleOptions): DynamicModule {
    return {
      module: AuthModule,
      imports: [options.directory],
      providers: [
        // Verified on the app's clock, so e2e tests on a FakeClock see tokens as the API does.
        { provide: TokenService, useFactory: (clock: Clock) => new TokenService(options.keys, options.rules, clock), inject: [CLOCK] },
        { provide: AccessPolicy, useFactory: (jurisdiction: Jurisdiction) => new AccessPolicy(jurisdiction), inject: [Jurisdiction] },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [TokenService, AccessPolicy, options.directory],
    };
  }
}
