import { OpenAPIObject } from '@nestjs/swagger';
import request from 'supertest';
import { createOpenApiDocument } from '@bihuan/app';
import { OpenApiAnswers } from '../../testing/openapi-answers';
import { TestApp } from '../../testing/test-app';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
interface Operation {
  readonly responses: Record<string, { content?: Record<string, unknown> }>;
}

/**
 * Real answers held to the OpenAPI document (OpenApiAnswers), remembering which operations were
 * checked, so a spec can also insist that every JSON answer of its routes was seen at least once.
 */
export class AnswerChecks {
  readonly doc: OpenAPIObject;
  private readonly answers: OpenApiAnswers;
  private readonly checked = new Set<string>();

  constructor(private readonly t: TestApp) {
    this.doc = createOpenApiDocument(t.app);
    this.answers = new OpenApiAnswers(this.doc);
  }

  /** Sends a request (as `user`, or anonymously when null), expects `status` and a body that matches its schema; returns the body. */
  async send<T = Record<string, unknown>>(method: Method, path: string, user: string | null, body?: object, status?: number): Promise<T> {
    const verb = method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
    let req: request.Test = this.t.http[verb](path);
    if (user) req = req.set(this.t.auth(user));
    if (body) req = req.send(body);
    return this.hold(method, path, await req, status);
  }

  /** Holds an answer already received (multipart uploads, headers of its own) to its schema. */
  hold<T = Record<string, unknown>>(method: Method, path: string, res: request.Response, status?: number): T {
    const expected = status ?? (method === 'POST' ? [200, 201] : [200]);
    const statuses = Array.isArray(expected) ? expected : [expected];
    if (!statuses.includes(res.status)) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    expect(this.answers.problems(method, path, res.status, res.body)).toEqual([]);
    const template = this.answers.templateOf(path.split('?')[0]!);
    if (template) this.checked.add(`${method} ${template} ${res.status}`);
    return res.body as T;
  }

  /** Operations under `prefixes` that answer JSON on success but were never checked here. */
  unchecked(prefixes: readonly string[]): string[] {
    return Object.entries(this.doc.paths)
      .filter(([template]) => prefixes.some((prefix) => template.startsWith(prefix)))
      .flatMap(([template, item]) =>
        (['GET', 'POST', 'PUT', 'DELETE'] as const).flatMap((method) => {
          const op = (item as Record<string, Operation | undefined>)[method.toLowerCase()];
          if (!op) return [];
          const json = Object.entries(op.responses).filter(([status, r]) => /^2\d\d$/.test(status) && r.content?.['application/json']);
          const seen = json.some(([status]) => this.checked.has(`${method} ${template} ${status}`));
          return json.length > 0 && !seen ? [`${method} ${template}`] : [];
        }),
      );
  }
}
