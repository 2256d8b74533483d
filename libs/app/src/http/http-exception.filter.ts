import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { requestLogger } from '@bihuan/platform';
import { toErrorBody } from './error-body';
import { messageLanguageOf } from './messages/accept-language';
import { asksForPage, NOT_FOUND_PAGE, NOT_FOUND_PAGE_CSP } from './not-found-page';

/** The request as Express leaves it: `route` is set once a route matched. */
interface RoutedRequest {
  readonly method: string;
  readonly headers: Record<string, string | string[] | undefined> & { accept?: string };
  readonly route?: unknown;
}

/** The response calls the page answer needs (Express's). */
interface PageResponse {
  status(code: number): PageResponse;
  set(field: string, value: string): PageResponse;
  type(type: string): PageResponse;
  send(body: string): unknown;
}

/**
 * The one place errors become HTTP answers: DomainError kinds map to statuses with their stable
 * code (a WrongExpectedRevisionError that outlived handleCommand's retries is a 409), Nest's
 * HttpExceptions keep their status, and anything else is a logged 500 that reveals nothing. Messages
 * are zh-CN, or English when the request's Accept-Language prefers it; the code is the same. A
 * browser that opens an address no route answers gets a page saying so (not-found-page.ts).
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const body = toErrorBody(exception, messageLanguageOf(http.getRequest()));
    if (body.statusCode >= 500 && body.code === 'INTERNAL') {
      const stack = exception instanceof Error ? (exception.stack ?? exception.message) : String(exception);
      // Through the request's logger when it has one, so the stack carries the request id.
      const log = requestLogger(http.getRequest());
      if (log) log.error({ context: 'HttpErrorFilter' }, stack);
      else this.logger.error(stack);
    }
    const request = http.getRequest<RoutedRequest>();
    // A person's browser at an address no route answers: a page saying so, with the way on.
    if (body.statusCode === 404 && request.route === undefined && asksForPage(request)) {
      const page = http.getResponse<PageResponse>();
      page
        .status(404)
        .set('Content-Security-Policy', NOT_FOUND_PAGE_CSP)
        .set('Cache-Control', 'no-cache')
        .type('html')
        .send(NOT_FOUND_PAGE);
      return;
    }
    const response: unknown = http.getResponse();
    this.adapterHost.httpAdapter.reply(response, body, body.statusCode);
  }
}
