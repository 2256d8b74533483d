import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { TokenService } from '@bihuan/auth';
import { createApp } from '@bihuan/app';
import { loadConfig } from '@bihuan/platform';
import { report } from './bench-output';
import { startUploadProbe } from './upload-probe-app';

/**
 * A 200 MB evidence upload with memory flat (issue 18): boots the real embedded app (createApp on
 * a temp DATA_DIR), opens a finding as inspector-a1, and streams a generated MP4 from disk (never
 * held by the bench either) to `POST /findings/{id}/evidence`, field `file`. Prints rss and
 * heapUsed before, the peak while uploading (sampled every 50 ms) and after, and MB/s.
 * Options: `--route="POST /findings/{id}/evidence"` (`{id}`: the finding opened), `--mb=200`,
 * `--target=probe` (the streamed pipeline alone behind `POST /probe/{id}/evidence`, bench-only),
 * `--field=name=value` (a text field the route's DTO wants; repeatable).
 */
const SUITE = 'upload';
const MB = 1024 * 1024;

const option = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

/** `--field=note=基准` → ['note', '基准'], in the order given. */
const textFields = (): [string, string][] =>
  process.argv
    .filter((a) => a.startsWith('--field='))
    .map((a) => a.slice('--field='.length))
    .map((pair) => [pair.split('=')[0] ?? '', pair.split('=').slice(1).join('=')]);

/** An MP4 (an `ftyp` box, then noise) of `size` bytes, written to disk 1 MB at a time. */
async function generateFile(path: string, size: number): Promise<void> {
  const out = createWriteStream(path);
  const head = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypisom\0\0\0\0isomiso2')]);
  const noise = randomBytes(MB);
  out.write(head);
  for (let written = head.length; written < size; written += noise.length) {
    if (!out.write(noise.subarray(0, Math.min(noise.length, size - written)))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
}

interface Answer {
  readonly status: number;
  readonly body: string;
}

/** POSTs the file as one multipart part, piped from disk with the socket's backpressure. */
function postFile(url: string, file: string, size: number, headers: Record<string, string>): Promise<Answer> {
  const boundary = `bench${randomBytes(8).toString('hex')}`;
  const fields = textFields()
    .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
    .join('');
  const head = Buffer.from(
    `${fields}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="现场录像.mp4"\r\nContent-Type: video/mp4\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      headers: {
        ...headers,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(head.length + size + tail.length),
      },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.write(head);
    const source = createReadStream(file);
    source.pipe(req, { end: false });
    source.on('end', () => req.end(tail));
    source.on('error', reject);
  });
}

/** rss and heapUsed sampled every 50 ms; the peaks of what `during` ran through. */
async function sampled<T>(during: () => Promise<T>): Promise<{ result: T; rss: number; heapUsed: number }> {
  let rss = 0;
  let heapUsed = 0;
  const sample = (): void => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heapUsed = Math.max(heapUsed, m.heapUsed);
  };
  sample();
  const timer = setInterval(sample, 50);
  try {
    const result = await during();
    sample();
    return { result, rss, heapUsed };
  } finally {
    clearInterval(timer);
  }
}

/** The real app with a finding to attach to, and an inspector's bearer token. */
async function realApp(dir: string): Promise<{ app: INestApplication; id: string; headers: Record<string, string> }> {
  const config = loadConfig({ DATA_DIR: dir, DIRECTORY_SEED: 'demo', ROLE: 'all', LOG_LEVEL: process.env['BENCH_LOG_LEVEL'] ?? 'error' });
  const app = await createApp({ config, shutdownHooks: false });
  await app.listen(0, '127.0.0.1');
  const token = app.get(TokenService).mint({ sub: 'inspector-a1', role: 'inspector', unit: 'county-a1', name: '赵监督员' });
  const headers = { authorization: `Bearer ${token}` };
  const base = await app.getUrl();
  const json = async (path: string, body: object): Promise<Record<string, unknown>> => {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`POST ${path} → ${res.status} ${await res.text()}`);
    return (await res.json()) as Record<string, unknown>;
  };
  // The bench runs on the real clock (no test depends on it): today in Shanghai.
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const visit = await json('/visits', { kind: 'unannounced', institutionId: 'hosp-a1-1', plannedDate: today });
  await json(`/visits/${String(visit['id'])}/record`, { conductedOn: today, summary: '上传基准' });
  const finding = await json(`/visits/${String(visit['id'])}/findings`, {
    category: 'red-envelopes',
    severity: 'general',
    description: '上传基准用问题',
    responsibleDepartment: '外科',
    requiredAction: 'deadline',
  });
  return { app, id: String(finding['id']), headers };
}

export async function uploadBench(): Promise<void> {
  const size = Number(option('mb') ?? 200) * MB;
  const probe = option('target') === 'probe';
  const [method, template] = (option('route') ?? (probe ? 'POST /probe/{id}/evidence' : 'POST /findings/{id}/evidence')).split(' ');
  if (method !== 'POST' && method !== 'PUT') throw new Error(`--route must be "POST <path>" or "PUT <path>", got ${method}`);
  const dir = mkdtempSync(join(tmpdir(), 'bihuan-bench-upload-'));
  const file = join(dir, 'bench-upload.mp4');
  try {
    await generateFile(file, size);
    const target = probe
      ? { app: await startUploadProbe(join(dir, 'data')), id: 'probe-1', headers: {} }
      : await realApp(join(dir, 'data'));
    try {
      const url = `${await target.app.getUrl()}${(template ?? '').replace('{id}', encodeURIComponent(target.id))}`;
      const before = process.memoryUsage();
      const started = process.hrtime.bigint();
      const { result, rss, heapUsed } = await sampled(() => postFile(url, file, size, target.headers));
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      await new Promise((r) => setTimeout(r, 200)); // the staging file's removal follows the response
      const after = process.memoryUsage();
      // A refusal measures the refusal, not the upload: say so rather than hide it.
      if (result.status >= 300)
        process.stderr.write(`upload bench: ${method} ${template} answered ${result.status} ${result.body.slice(0, 300)}\n`);
      report(SUITE, 'status', result.status, 'http');
      report(SUITE, 'file_mb', size / MB, 'MB');
      report(SUITE, 'rss_before', before.rss / MB, 'MB');
      report(SUITE, 'rss_peak', rss / MB, 'MB');
      report(SUITE, 'rss_after', after.rss / MB, 'MB');
      report(SUITE, 'rss_growth_peak', (rss - before.rss) / MB, 'MB');
      report(SUITE, 'heap_used_before', before.heapUsed / MB, 'MB');
      report(SUITE, 'heap_used_peak', heapUsed / MB, 'MB');
      report(SUITE, 'heap_used_after', after.heapUsed / MB, 'MB');
      report(SUITE, 'throughput', size / MB / seconds, 'MB/s');
    } finally {
      await target.app.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
