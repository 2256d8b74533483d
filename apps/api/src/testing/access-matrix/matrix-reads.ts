import { Response } from 'supertest';
import { TestApp } from '../test-app';
import { headersFor, statusProblem, verdict } from './matrix-expect';
import { binary, responseText, scanMarkers, Violations } from './matrix-report';
import { DeclaredRoute } from './matrix-routes';
import { READERS } from './matrix-scope';
import { Seed } from './matrix-seed';
import { Row } from './matrix-table';
import { fill, targetsFor } from './matrix-targets';

/** An event stream (or its refusal): the status is all that is read; closing the response ends the stream. */
function statusOnly(res: Response, done: (error: Error | null, body: unknown) => void): void {
  (res as unknown as { destroy(): void }).destroy();
  done(null, {});
}

/** Every GET route × every reader × every target: the status class, then every marker in the body or file. */
export async function checkReads(t: TestApp, seed: Seed, routes: readonly [DeclaredRoute, Row][], v: Violations): Promise<number> {
  let requests = 0;
  for (const [route, row] of routes) {
    if (route.method !== 'GET' || row.target === 'stream') continue;
    const variants = [{ query: row.query ?? '', format: row.format }, ...(row.also ? [row.also] : [])];
    for (const target of targetsFor(row.target, seed)) {
      for (const { query, format } of variants) {
        const url = fill(route.path, { ...row.params, ...target.params }) + query;
        for (const reader of READERS) {
          const req = t.http.get(url).set(headersFor(t, reader));
          const binaryFile = format === 'xlsx' || format === 'docx';
          const res = await (binaryFile ? req.buffer(true).parse(binary) : format === 'sse' ? req.parse(statusOnly) : req);
          requests++;
          const { verdict: expected, rel } = verdict(route, row, reader, target);
          const where = `${route.key}${query} ${target.label} (${rel})`;
          const problem = statusProblem(expected, res, row);
          if (problem) v.add(expected === 'refused' ? 'read-not-refused' : 'read-status', `${where} as ${reader.id}: ${problem}`);
          scanMarkers(v, seed.book, reader, await responseText(res, format), where, format);
        }
      }
    }
  }
  return requests;
}
