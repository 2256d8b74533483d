import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { requestLogger } from '@bihuan/platform';
import { toErrorBody } from './error-body';
import { messageLanguageOf } from './messages/accept-language';

/**
 * The one place errors become HTTP answers: DomainError kinds map to statuses with their stable
 * code (a WrongExpectedRevisionError that outlived handleCommand's retries is a 409), Nest's
 * HttpExceptions keep their status, and anything else is a logged 500 that reveals nothing. Messages
 * are zh-CN, or English when the request's Accept-Language prefers it; the code is the same.
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
    const response: unknown = http.getResponse();
    this.adapterHost.httpAdapter.reply(response, body, body.statusCode);
  }
}
