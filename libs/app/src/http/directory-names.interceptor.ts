import { CallHandler, ExecutionContext, INestApplication, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { map, Observable } from 'rxjs';
import { Jurisdiction, PUBLIC_ROUTE, UserDirectory } from '@bihuan/auth';
import { LiveDirectory } from '@bihuan/directory';
import { isPlainObject, NameOf, namesIn } from './directory-names';

/**
 * Names in every view (issue 16, item 4): an authenticated JSON answer that is an object (a
 * detail, a paged list, a command's answer) gains a top-level `names: { <id>: <name> }` for the
 * directory ids (units, users, staff) its string values mention. The rule for what is named: only
 * ids already in the body the reader is allowed to receive — so `names` shows no one the answer
 * did not already point at. Never on public routes (@Public, `/public/…`): the complainant's
 * portal shows no staff names beyond what it answers today. Arrays, files (XLSX, CSV, DOCX) and
 * HTML are left untouched, and so is a body that already has a `names` property or names no one.
 */
@Injectable()
export class DirectoryNamesInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly nameOf: NameOf,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const req = http.getRequest<IncomingMessage & { actor?: unknown }>();
    const res = http.getResponse<ServerResponse>();
    if (this.isPublic(context, req)) return next.handle();
    return next.handle().pipe(
      map((body: unknown) => {
        // The guard set the actor: no names for an answer nobody signed in for.
        if (req.actor === undefined || !isPlainObject(body) || 'names' in body || !isJson(res)) return body;
        const names = namesIn(body, this.nameOf);
        // Absent rather than empty: an answer naming no one keeps exactly its shape.
        return Object.keys(names).length === 0 ? body : { ...body, names };
      }),
    );
  }

  private isPublic(context: ExecutionContext, req: IncomingMessage): boolean {
    const declared = this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()]);
    const path = (req.url ?? '').split('?')[0] ?? '';
    return declared === true || /^\/public(\/|$)/.test(path);
  }
}

/** A content type a controller set (HTML, CSV …) keeps its body as it is; unset means Nest's JSON. */
function isJson(res: ServerResponse): boolean {
  const type = res.getHeader('content-type');
  return type === undefined || /json/i.test(String(type));
}

/** The live directory's names: units, then users, then staff (医务人员, who never sign in). */
export function directoryNameOf(units: Pick<Jurisdiction, 'get'>, users: Pick<UserDirectory, 'get'>, live?: LiveDirectory): NameOf {
  return (id) => units.get(id)?.name ?? users.get(id)?.name ?? live?.state.staff.get(id)?.name;
}

/** DirectoryNamesInterceptor over the app's live directory (staff names when it runs one). */
export function directoryNamesInterceptor(app: INestApplication): DirectoryNamesInterceptor {
  let live: LiveDirectory | undefined;
  try {
    live = app.get(LiveDirectory, { strict: false });
  } catch {
    live = undefined; // a directory given as a fixed list: units and users only
  }
  const nameOf = directoryNameOf(app.get(Jurisdiction, { strict: false }), app.get(UserDirectory, { strict: false }), live);
  return new DirectoryNamesInterceptor(app.get(Reflector), nameOf);
}
