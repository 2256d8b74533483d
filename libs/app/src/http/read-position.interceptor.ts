import { CallHandler, ExecutionContext, Injectable, NestInterceptor, ServiceUnavailableException } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { from, map, Observable, switchMap } from 'rxjs';
import { ReadModelSync } from '@bihuan/platform';
import { inputRefusal } from './input-inspection';

/** What a command answers its last log position in (and the body's `position`). */
export const POSITION_HEADER = 'Bihuan-Position';
/** What a read sends to see at least the effects of a write it knows the position of, on any host. */
export const MIN_POSITION_HEADER = 'Bihuan-Min-Position';
/** How long a read waits for the read models to reach the position before answering 503. */
export const READ_WAIT_MS = 5_000;

const POSITION = /^\d{1,15}$/;

function positionOf(body: unknown): number | null {
  if (typeof body !== 'object' || body === null) return null;
  const position = (body as { position?: unknown }).position;
  return typeof position === 'number' && Number.isSafeInteger(position) ? position : null;
}

/**
 * Read-your-writes across hosts (issue 15, item 4): a command's answer carries its log position in
 * `Bihuan-Position`; a read that sends it back in `Bihuan-Min-Position` — to this API or to
 * another one on the same shared database — is answered once this process's view of the read
 * models has reached it, or 503 READ_MODEL_BEHIND with Retry-After if it does not within
 * READ_WAIT_MS. Runs after the guards, so nobody unauthenticated is ever held.
 */
@Injectable()
export class ReadPositionInterceptor implements NestInterceptor {
  constructor(private readonly sync: ReadModelSync) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const req = http.getRequest<IncomingMessage>();
    const res = http.getResponse<ServerResponse>();
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return next.handle().pipe(
        map((body: unknown) => {
          const position = positionOf(body);
          if (position !== null && !res.headersSent) res.setHeader(POSITION_HEADER, String(position));
          return body;
        }),
      );
    }
    const wanted = req.headers[MIN_POSITION_HEADER.toLowerCase()];
    if (wanted === undefined) return next.handle();
    if (typeof wanted !== 'string' || !POSITION.test(wanted)) {
      throw inputRefusal([
        {
          field: MIN_POSITION_HEADER,
          rule: 'isPosition',
          message: `${MIN_POSITION_HEADER} must be a log position (a whole number) a command answered`,
        },
      ]);
    }
    return from(this.sync.waitFor(Number(wanted), READ_WAIT_MS)).pipe(
      switchMap((reached) => {
        if (!reached) {
          res.setHeader('Retry-After', '1');
          throw new ServiceUnavailableException({
            statusCode: 503,
            error: 'Service Unavailable',
            code: 'READ_MODEL_BEHIND',
            message: `The read models have not yet reached position ${wanted}; retry shortly`,
          });
        }
        return next.handle();
      }),
    );
  }
}
