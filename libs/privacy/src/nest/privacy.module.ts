import { DynamicModule, FactoryProvider, Inject, Injectable, Logger, Module, ModuleMetadata, OnApplicationShutdown } from '@nestjs/common';
import { Clock, CLOCK } from '@bihuan/core';
import { ACCESS_LOG, AccessLog } from '../access-log/access-log.port';
import { ScopePolicy } from '../access/identity-display.policy';
import { PersonalDataAccess } from '../access/personal-data-access.service';
import { PersonalDataCipher } from '../cipher/personal-data-cipher';
import { ErasureService } from '../erasure/erasure.service';
import { SUBJECT_KEY_STORE, SubjectKeyStore } from '../key-store/subject-key-store.port';
import { PersonalDataLookup } from '../lookup/personal-data-lookup';

/** The adapters the app chooses (keys in the privacy database, access log in the read-model database: docs/privacy.md). */
export interface PrivacyResources {
  readonly keyStore: SubjectKeyStore;
  readonly accessLog: AccessLog;
  /** Jurisdiction check for reads, e.g. `AccessPolicy` of `@bihuan/auth`. */
  readonly scope?: ScopePolicy;
  /** Close keyStore and accessLog on shutdown (false for test doubles the test closes). Default true. */
  readonly ownsResources?: boolean;
}

export interface PrivacyModuleAsyncOptions {
  readonly imports?: ModuleMetadata['imports'];
  readonly inject?: FactoryProvider['inject'];
  readonly useFactory: (...args: never[]) => PrivacyResources | Promise<PrivacyResources>;
}

export const PRIVACY_RESOURCES = Symbol('PRIVACY_RESOURCES');

/** Closes the key store and the access log last (`onApplicationShutdown`), after requests are done. */
@Injectable()
export class PrivacyLifecycle implements OnApplicationShutdown {
  private readonly logger = new Logger('Privacy');
  constructor(@Inject(PRIVACY_RESOURCES) private readonly resources: PrivacyResources) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.resources.ownsResources === false) return;
    for (const [what, closable] of [
      ['key store', this.resources.keyStore],
      ['access log', this.resources.accessLog],
    ] as const) {
      try {
        await closable.close();
      } catch (error) {
        this.logger.error(`Closing the ${what} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}

/**
 * Global providers: SUBJECT_KEY_STORE, ACCESS_LOG, PersonalDataCipher, PersonalDataLookup, PersonalDataAccess
 * and ErasureService (CLOCK must be provided globally, as PlatformModule does).
 */
@Module({})
export class PrivacyModule {
  static forRootAsync(options: PrivacyModuleAsyncOptions): DynamicModule {
    return {
      module: PrivacyModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        {
          provide: PRIVACY_RESOURCES,
          useFactory: options.useFactory as (...args: unknown[]) => Promise<PrivacyResources>,
          inject: options.inject ?? [],
        },
        { provide: SUBJECT_KEY_STORE, useFactory: (r: PrivacyResources) => r.keyStore, inject: [PRIVACY_RESOURCES] },
        { provide: ACCESS_LOG, useFactory: (r: PrivacyResources) => r.accessLog, inject: [PRIVACY_RESOURCES] },
        { provide: PersonalDataCipher, useFactory: (keys: SubjectKeyStore) => new PersonalDataCipher(keys), inject: [SUBJECT_KEY_STORE] },
        { provide: PersonalDataLookup, useFactory: (keys: SubjectKeyStore) => new PersonalDataLookup(keys), inject: [SUBJECT_KEY_STORE] },
        {
          provide: PersonalDataAccess,
          useFactory: (cipher: PersonalDataCipher, r: PrivacyResources, clock: Clock) =>
            new PersonalDataAccess(cipher, r.accessLog, clock, r.scope),
          inject: [PersonalDataCipher, PRIVACY_RESOURCES, CLOCK],
        },
        {
          provide: ErasureService,
          useFactory: (r: PrivacyResources, clock: Clock) => new ErasureService(r.keyStore, r.accessLog, clock),
          inject: [PRIVACY_RESOURCES, CLOCK],
        },
        PrivacyLifecycle,
      ],
      exports: [SUBJECT_KEY_STORE, ACCESS_LOG, PersonalDataCipher, PersonalDataLookup, PersonalDataAccess, ErasureService],
    };
  }
}
