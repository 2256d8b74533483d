import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { Clock, CLOCK } from '@bihuan/core';
import { AccessPolicy } from '../access-policy';
import { Jurisdiction, Unit } from '../jurisdiction';
import { TokenKeys, TokenRules, TokenService } from '../token.service';
import { DirectoryUser, StaticUserDirectory, UserDirectory } from '../user-directory';
import { AuthGuard } from './auth.guard';

export interface AuthModuleOptions {
  readonly keys: TokenKeys;
  readonly rules: TokenRules;
  readonly units: readonly Unit[];
  /** The directory's people (UserDirectory); none when absent. */
  readonly users?: readonly DirectoryUser[];
}

/** Global: the token service, the jurisdiction tree, the user directory, the access policy and the guard on every route. */
@Global()
@Module({})
export class AuthModule {
  static forRoot(options: AuthModuleOptions): DynamicModule {
    const jurisdiction = new Jurisdiction(options.units);
    return {
      module: AuthModule,
      providers: [
        // Verified on the app's clock, so e2e tests on a FakeClock see tokens as the API does.
        { provide: TokenService, useFactory: (clock: Clock) => new TokenService(options.keys, options.rules, clock), inject: [CLOCK] },
        { provide: Jurisdiction, useValue: jurisdiction },
        { provide: UserDirectory, useValue: new StaticUserDirectory(options.users ?? [], jurisdiction) },
        { provide: AccessPolicy, useValue: new AccessPolicy(jurisdiction) },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [TokenService, Jurisdiction, UserDirectory, AccessPolicy],
    };
  }
}
