/**
 * Dependency rules checked on every `npm test` (architecture.md, rule 1 and "Shape"):
 * domain/ and workflows/ stay pure, core has no runtime dependencies, libs never import apps,
 * apps are leaves (no app imports another; what they share lives in libs), the browser console imports
 * no lib (it knows the API only through the generated client), tools/ is reached only
 * from tests, and the demo fixtures (@bihuan/demo) only from demo and test code.
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
      name: 'apps-are-leaves',
      comment:
        'apps/api, apps/worker and apps/cli boot from libs (@bihuan/app, @bihuan/platform …); no app imports another, tests included',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'console-talks-only-to-the-api',
      comment:
        'apps/console runs in the browser: it reaches the server only over HTTP through its generated client, never by importing libs',
      severity: 'error',
      from: { path: '^apps/console/' },
      to: { path: '^(libs|tools)/' },
    },
    {
      name: 'tools-only-from-tests',
      comment: 'tools/ (benchmarks, fault harness) is test equipment: only specs, testing/ and e2e/ folders and tools itself import it',
      severity: 'error',
      from: { pathNot: ['\\.spec\\.ts$', '^(apps|libs)/[^/]+/src/(testing|e2e)/', '^tools/'] },
      to: { path: '^tools/' },
    },
    {
      name: 'demo-fixtures-only-in-demo-and-tests',
      comment:
        'the demo fixtures (libs/demo) are read by specs, testing/ and e2e/ folders, the cli demo and tools only; the demo ' +
        'directory itself is data the directory writes only when DIRECTORY_SEED=demo (libs/directory/src/demo)',
      severity: 'error',
      from: {
        pathNot: ['\\.spec\\.ts$', '^(apps|libs)/[^/]+/src/(testing|e2e)/', '^apps/cli/src/demo/', '^tools/', '^libs/demo/'],
      },
      to: { path: '^libs/demo/' },
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
