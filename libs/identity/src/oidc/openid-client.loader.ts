import type * as OpenIdClient from 'openid-client';

/**
 * openid-client 6 ships only ES modules. Node 20.19+ `require`s them natively; jest's module
 * registry does not, so the module is loaded with Node's own require (process.getBuiltinModule
 * is Node's, untouched by jest), the same in the app and in tests.
 */
export type OpenIdClientModule = typeof OpenIdClient;

let loaded: OpenIdClientModule | null = null;

interface NodeProcess {
  getBuiltinModule(name: 'node:module'): typeof import('node:module');
}

export function openIdClient(): OpenIdClientModule {
  loaded ??= (process as unknown as NodeProcess).getBuiltinModule('node:module').createRequire(__filename)(
    'openid-client',
  ) as OpenIdClientModule;
  return loaded;
}
