import { DemoStepFailure } from './demo-failure';

/** A JSON answer as the demo reads it. */
export type Json = Record<string, unknown>;

/** A downloaded file: its bytes and the name the server proposed. */
export interface Download {
  readonly body: Buffer;
  readonly fileName: string;
  readonly contentType: string;
}

/** The part of an answer a failure message needs (the body, cut short). */
function describe(method: string, path: string, status: number, text: string): string {
  const body = text.length > 400 ? `${text.slice(0, 400)}…` : text;
  return `${method} ${path} 返回 HTTP ${status}：${body}`;
}

/** The UTF-8 name from `filename*=UTF-8''…`, else the plain `filename="…"`. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (utf8?.[1]) return decodeURIComponent(utf8[1]);
  const plain = /filename="([^"]+)"/i.exec(disposition ?? '');
  return plain?.[1] ?? fallback;
}

/**
 * The demo's HTTP client: real requests with fetch, a bearer token minted for a demo user (or none
 * for the public entry), and the expected status checked on every answer — anything else fails the
 * named step with the method, path, status and body.
 */
export class DemoHttp {
  constructor(
    private readonly baseUrl: string,
    private readonly tokenFor: (userId: string) => string,
  ) {}

  async post(step: string, user: string | null, path: string, body: object = {}, expected = 200): Promise<Json> {
    return this.json(step, 'POST', user, path, expected, body, {});
  }

  /** A multipart upload (field `file` plus text fields), e.g. an evidence photo; answers the JSON body. */
  async upload(
    step: string,
    user: string,
    path: string,
    file: { bytes: Buffer; name: string; type: string },
    fields: Record<string, string> = {},
    expected = 201,
  ): Promise<Json> {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', new Blob([file.bytes], { type: file.type }), file.name);
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl}${path}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${this.tokenFor(user)}` },
        body: form,
      });
    } catch (error) {
      throw new DemoStepFailure(step, `POST ${path} could not be sent: ${error instanceof Error ? error.message : String(error)}`);
    }
    const text = await res.text();
    if (res.status !== expected) throw new DemoStepFailure(step, `${describe('POST', path, res.status, text)}（应为 ${expected}）`);
    return JSON.parse(text) as Json;
  }

  async get(
    step: string,
    user: string | null,
    path: string,
    options: { headers?: Record<string, string>; expected?: number } = {},
  ): Promise<Json> {
    return this.json(step, 'GET', user, path, options.expected ?? 200, undefined, options.headers ?? {});
  }

  /** A GET whose status the caller judges (e.g. a context that may not be wired): never throws on status. */
  async probe(step: string, user: string | null, path: string): Promise<{ status: number; body: Json | null; text: string }> {
    const res = await this.send(step, 'GET', user, path, undefined, {});
    const text = await res.text();
    try {
      return { status: res.status, body: JSON.parse(text) as Json, text };
    } catch {
      return { status: res.status, body: null, text };
    }
  }

  async download(step: string, user: string, path: string): Promise<Download> {
    const res = await this.send(step, 'GET', user, path, undefined, {});
    const body = Buffer.from(await res.arrayBuffer());
    if (res.status !== 200) throw new DemoStepFailure(step, describe('GET', path, res.status, body.toString('utf8')));
    return {
      body,
      fileName: fileNameOf(res.headers.get('content-disposition'), 'download'),
      contentType: res.headers.get('content-type') ?? '',
    };
  }

  private async json(
    step: string,
    method: string,
    user: string | null,
    path: string,
    expected: number,
    body: object | undefined,
    headers: Record<string, string>,
  ): Promise<Json> {
    const res = await this.send(step, method, user, path, body, headers);
    const text = await res.text();
    if (res.status !== expected) throw new DemoStepFailure(step, `${describe(method, path, res.status, text)}（应为 ${expected}）`);
    try {
      return JSON.parse(text) as Json;
    } catch {
      throw new DemoStepFailure(step, `${method} ${path} answered ${res.status} with a body that is not JSON: ${text.slice(0, 200)}`);
    }
  }

  private async send(
    step: string,
    method: string,
    user: string | null,
    path: string,
    body: object | undefined,
    headers: Record<string, string>,
  ): Promise<Response> {
    const all: Record<string, string> = { ...headers };
    if (user) all['Authorization'] = `Bearer ${this.tokenFor(user)}`;
    if (body !== undefined) all['Content-Type'] = 'application/json';
    try {
      return await fetch(`${this.baseUrl}${path}`, { method, headers: all, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    } catch (error) {
      throw new DemoStepFailure(step, `${method} ${path} could not be sent: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
