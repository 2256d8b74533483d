// The assembled application that apps/api, apps/worker and apps/cli boot: the bounded contexts it
// serves and runs, the HTTP app (module graph, pipes, filters, docs) and the worker of this deployment.
export * from './create-app';
export * from './app.module';
export * from './context-modules';
export { createOpenApiDocument, DOCS_JSON_PATH, DOCS_PATH } from './swagger';
export { consolePageOf, CONSOLE_PAGE_PREFIXES, PORTAL_PAGE_PREFIX } from './http/console-site';
export { NOT_FOUND_PAGE_CSP } from './http/not-found-page';
export { MAX_INPUT_DEPTH } from './http/input-inspection';
export * from './read-model-migrations';
export * from './worker/worker-contributions';
export * from './worker/worker.module';
export * from './worker/worker.service';
export * from './worker/worker-app.module';
export * from './worker/run-worker';
export { METRICS_REGISTRY } from './metrics/metrics.module';
export { ShutdownState } from './lifecycle/shutdown-state';
export { ProjectionRebuilds } from './admin/projection-rebuilds';
