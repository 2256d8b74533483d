import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createOpenApiDocument } from '@bihuan/app';
import { createTestApp, TestApp } from '../../testing/test-app';

/**
 * The console's API client is generated from the OpenAPI document (apps/console/openapi.json →
 * src/client/schema.gen.ts, by openapi-typescript), and both are committed so the console builds
 * without a running API. This spec fails when either is stale, so the console cannot drift from
 * the API; `npm run openapi` runs it with UPDATE_OPENAPI=1 to write them afresh.
 */
const ROOT = resolve(__dirname, '../../../../..');
const DOCUMENT = join(ROOT, 'apps/console/openapi.json');
const SCHEMA = join(ROOT, 'apps/console/src/client/schema.gen.ts');
const GENERATOR = join(ROOT, 'node_modules/openapi-typescript/bin/cli.js');

function generate(document: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'bihuan-openapi-'));
  try {
    writeFileSync(join(dir, 'openapi.json'), document);
    execFileSync(process.execPath, [GENERATOR, join(dir, 'openapi.json'), '-o', join(dir, 'schema.ts')], { stdio: 'pipe' });
    return `// Generated from apps/console/openapi.json by openapi-typescript (npm run openapi). Do not edit.\n${readFileSync(join(dir, 'schema.ts'), 'utf8')}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("the console's generated API client", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('is generated from the API as it is now', () => {
    const document = `${JSON.stringify(createOpenApiDocument(t.app), null, 2)}\n`;
    const schema = generate(document);
    if (process.env['UPDATE_OPENAPI'] === '1') {
      writeFileSync(DOCUMENT, document);
      writeFileSync(SCHEMA, schema);
    }
    const stale = 'is stale: run `npm run openapi` and commit apps/console/openapi.json and src/client/schema.gen.ts';
    expect({ file: 'apps/console/openapi.json', current: readFileSync(DOCUMENT, 'utf8') === document }).toEqual({
      file: 'apps/console/openapi.json',
      current: true,
    });
    expect({ file: `schema.gen.ts ${stale}`, current: readFileSync(SCHEMA, 'utf8') === schema }).toEqual({
      file: `schema.gen.ts ${stale}`,
      current: true,
    });
  });
});
