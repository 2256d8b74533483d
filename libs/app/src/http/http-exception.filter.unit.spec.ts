import { ArgumentsHost } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { Writable } from 'node:stream';
import pino from 'pino';
import { DirectoryUser, UserDirectory } from '@bihuan/auth';
import { Clock } from '@bihuan/core';
import { inspectTemplate } from '@bihuan/documents';
import { IdentitySessionValidator, SessionStore } from '@bihuan/identity';
import { requestLogging } from '@bihuan/platform';
import { ErrorBody } from './error-body';
import { HttpErrorFilter } from './http-exception.filter';

/**
 * The filter end to end for errors thrown by production code: the English text they were thrown
 * with when the request's Accept-Language (read by Express's own negotiator) prefers English, and
 * the catalogue's Chinese, filled from the error's details, otherwise.
 */
/** Express's request prototype (the one Nest hands the filter): its acceptsLanguages is the real negotiator. */
const expressRequest = (createRequire(__filename)('express') as { request: object }).request;

function answer(error: unknown, acceptLanguage?: string): ErrorBody {
  const request = Object.assign(Object.create(expressRequest) as object, {
    headers: acceptLanguage === undefined ? {} : { 'accept-language': acceptLanguage },
  });
  let sent: ErrorBody | undefined;
  const adapterHost = { httpAdapter: { reply: (_response: unknown, body: ErrorBody) => (sent = body) } } as unknown as HttpAdapterHost;
  const host = { switchToHttp: () => ({ getRequest: () => request, getResponse: () => ({}) }) } as unknown as ArgumentsHost;
  new HttpErrorFilter(adapterHost).catch(error, host);
  return sent!;
}

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the action to throw');
}

async function rejectionOf(action: () => Promise<unknown>): Promise<unknown> {
  return action().then(
    () => {
      throw new Error('expected the action to reject');
    },
    (error: unknown) => error,
  );
}

describe('HttpErrorFilter: one error, two languages', () => {
  it('answers AUTH.TOKEN_OUTDATED in Chinese by default, naming the role by its label, and in English on request', async () => {
    const user: DirectoryUser = { id: 'li', name: '李', role: 'inspector', unit: 'cdc-2', active: true };
    const directory: UserDirectory = { get: () => user, all: () => [user] };
    const clock: Clock = { now: () => new Date('2026-01-05T00:00:00.000Z') };
    const validator = new IdentitySessionValidator({} as SessionStore, directory, clock);
    const error = await rejectionOf(() =>
      validator.validate({ actor: { id: 'li', role: 'leader', unit: 'cdc-1' }, sessionId: null, allowedBeforePasswordChange: false }),
    );

    const zh = answer(error);
    expect(zh).toMatchObject({ statusCode: 401, code: 'AUTH.TOKEN_OUTDATED' });
    expect(zh.message).toBe('令牌中的角色或单位与机构目录不符（目录：监督员 / cdc-2），请重新获取令牌');
    expect(answer(error, 'zh-CN, en;q=0.5').message).toBe(zh.message);

    const en = answer(error, 'en-US, en;q=0.9, zh;q=0.5');
    expect(en).toMatchObject({ statusCode: 401, code: 'AUTH.TOKEN_OUTDATED', details: { role: 'inspector', unit: 'cdc-2' } });
    expect(en.message).toBe("The token's role or unit differs from the directory (inspector / cdc-2); get a new token");
  });

  it('answers DOCUMENTS.TEMPLATE_INVALID in Chinese by default and in English on request, the field named in both', () => {
    const error = thrownBy(() => inspectTemplate(new Uint8Array([1, 2, 3])));

    const zh = answer(error);
    expect(zh).toMatchObject({ statusCode: 400, code: 'DOCUMENTS.TEMPLATE_INVALID' });
    expect(zh.message).toBe('模板不合格：不是有效的 DOCX 文件（无法作为 ZIP 读取）');
    expect(zh.fields).toEqual([{ field: 'file', rule: 'DOCUMENTS.TEMPLATE_INVALID', message: zh.message }]);

    const en = answer(error, 'en');
    expect(en.message).toBe('The template is not a valid DOCX file (it cannot be read as a ZIP)');
    expect(en.fields).toEqual([{ field: 'file', rule: 'DOCUMENTS.TEMPLATE_INVALID', message: en.message }]);
    expect(/[\u3400-\u9fff]/.test(JSON.stringify(en))).toBe(false);
  });
});

describe('HttpErrorFilter and the log', () => {
  it("writes an unexpected error's stack through the request's own logger, so the line carries the request id", () => {
    const chunks: string[] = [];
    const logger = pino({}, new Writable({ write: (chunk: Buffer, _encoding, done) => (chunks.push(chunk.toString()), done()) }));
    const request = Object.assign(Object.create(expressRequest) as IncomingMessage, {
      headers: { 'x-request-id': 'failing-500' },
      method: 'POST',
      url: '/visits',
    });
    const response = { setHeader: () => undefined, on: () => undefined } as unknown as ServerResponse;
    requestLogging(logger)(request, response, () => undefined); // as httpLogger runs before any route
    let sent: ErrorBody | undefined;
    const adapterHost = { httpAdapter: { reply: (_response: unknown, body: ErrorBody) => (sent = body) } } as unknown as HttpAdapterHost;
    const host = { switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }) } as unknown as ArgumentsHost;
    new HttpErrorFilter(adapterHost).catch(new Error('disk on fire'), host);
    expect(sent).toMatchObject({ statusCode: 500, code: 'INTERNAL' });
    expect(sent!.message).not.toContain('disk on fire');
    const lines = chunks.map((chunk) => JSON.parse(chunk) as Record<string, unknown>);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 50,
        context: 'HttpErrorFilter',
        req: expect.objectContaining({ id: 'failing-500', url: '/visits' }),
      }),
    ]);
    expect(lines[0]!['msg']).toMatch(/^Error: disk on fire\n\s+at /);
  });
});
