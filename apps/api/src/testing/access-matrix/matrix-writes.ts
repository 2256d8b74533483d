import { TestApp } from '../test-app';
import { headersFor, statusProblem, verdict } from './matrix-expect';
import { scanMarkers, Violations } from './matrix-report';
import { DeclaredRoute } from './matrix-routes';
import { READERS } from './matrix-scope';
import { Seed } from './matrix-seed';
import { Row, Upload } from './matrix-table';
import { fill, targetsFor } from './matrix-targets';

type Sent = ReturnType<TestApp['http']['post']>;

/** The route's form as a browser sends it: text fields, then the file in `file`. */
function attach(request: Sent, upload: Upload): Sent {
  for (const [name, value] of Object.entries(upload.fields)) request.field(name, value);
  return request.attach('file', upload.file, upload.name);
}

/**
 * Every write route × reader × target the declaration refuses (wrong role, no token, out of scope):
 * it must answer a 4xx and leave the log's head where it was. Permitted writes are not sent, so the
 * seeded cases stay as they were; this runs after the reads all the same.
 */
export async function checkWrites(t: TestApp, seed: Seed, routes: readonly [DeclaredRoute, Row][], v: Violations): Promise<number> {
  let requests = 0;
  for (const [route, row] of routes) {
    if (route.method === 'GET' || (!row.body && !row.upload)) continue;
    for (const target of targetsFor(row.target, seed)) {
      const url = fill(route.path, { ...row.params, ...target.params });
      const body = row.body?.(target.params) ?? {};
      for (const reader of READERS) {
        const { verdict: expected, rel } = verdict(route, row, reader, target);
        if (expected !== 'refused') continue;
        const before = await t.store.headPosition();
        const method = route.method.toLowerCase() as 'post' | 'put' | 'patch' | 'delete';
        const request = t.http[method](url).set(headersFor(t, reader));
        const res = await (row.upload ? attach(request, row.upload()) : request.send(body));
        requests++;
        const where = `${route.key} ${target.label} (${rel})`;
        const problem = statusProblem('refused', res, row);
        if (problem) v.add('write-not-refused', `${where} as ${reader.id}: ${problem} ${JSON.stringify(res.body).slice(0, 120)}`);
        if (res.status < 300) await t.settle();
        const after = await t.store.headPosition();
        if (after !== before)
          v.add('write-moved-log', `${where} as ${reader.id}: ${res.status}, log head ${String(before)} → ${String(after)}`);
        scanMarkers(v, seed.book, reader, res.text ?? '', where);
      }
    }
  }
  return requests;
}
