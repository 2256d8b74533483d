/**
 * Dependency rules checked on every `npm test` (architecture.md, rule 1):
 * domain/ and workflows/ stay pure, core has no runtime dependencies, libs never import apps.
 */
module.exports = {
  forbidden: [
    {
      name: 'pure-domain',
      comment: 'domain/ and workflows/ import only @bihuan/core and their own folder (no Nest, store, Redis or I/O)',
      severity: 'error',
      from: { path: '^libs/([^/]+)/src/(domain|workflows)/', pathNot: '\\.spec\\.ts$' },
      to: { pathNot: ['^libs/core/src/', '^libs/$1/src/(domain|workflows)/'] },
    },
    {
      name: 'core-has-no-runtime-deps',
      comment: 'libs/core is the shared kernel: Node built-ins only',
      severity: 'error',
      from: { path: '^libs/core/src/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'import-libs-through-index',
      comment: 'another lib is imported only through its index.ts (@bihuan/<lib>)',
      severity: 'error',
      from: { path: '^libs/([^/]+)/src/' },
      to: { path: '^libs/([^/]+)/src/.+', pathNot: ['^libs/$1/src/', '^libs/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
