import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { Observable } from 'rxjs';
import { FieldProblem } from './error-body';
import { inputRefusal } from './input-inspection';

/** What a handler's arguments take of the request: a body, and which query keys (all, when a DTO judges them). */
interface DeclaredInput {
  readonly body: boolean;
  readonly query: 'dto' | ReadonlySet<string>;
}

/** Per handler: what it declares never changes, and this runs on every request. */
const DECLARED = new WeakMap<object, DeclaredInput>();

function declaredInput(context: ExecutionContext): DeclaredInput {
  const handler = context.getHandler();
  let declared = DECLARED.get(handler);
  if (!declared) {
    declared = readDeclaredInput(context);
    DECLARED.set(handler, declared);
  }
  return declared;
}

/** Read from the route's argument metadata (`@Body()`, `@Query()`, `@Query('key')`). */
function readDeclaredInput(context: ExecutionContext): DeclaredInput {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), context.getHandler().name) ?? {}) as Record<
    string,
    { data?: unknown }
  >;
  let body = false;
  let query: 'dto' | Set<string> = new Set<string>();
  for (const [key, arg] of Object.entries(args)) {
    const type = key.split(':')[0];
    if (type === String(RouteParamtypes.BODY)) body = true;
    if (type !== String(RouteParamtypes.QUERY)) continue;
    if (typeof arg.data !== 'string') query = 'dto';
    else if (query !== 'dto') query.add(arg.data);
  }
  return { body, query };
}

const undeclared = (field: string): FieldProblem => ({ field, rule: 'whitelistValidation', message: `property ${field} should not exist` });

/**
 * Input a route does not take is refused, not ignored. A route without a body DTO (`acknowledge`,
 * `finalise`, `retry`) has no validation pipe to refuse extra keys: its body would be silently
 * dropped and the action taken anyway. A route without a query DTO (`GET /public/institutions`)
 * answered `?q=第一` with every institution, as if it filtered. Every key of either is refused like
 * any undeclared key; a query DTO, or a route's own `@Query('key')`, judges the keys it names.
 */
@Injectable()
export class DeclaredInputInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const declared = declaredInput(context);
    const request = context.switchToHttp().getRequest<{ body?: unknown; query?: Record<string, unknown> }>();
    const problems: FieldProblem[] = [];
    if (!declared.body) {
      const body = request.body;
      if (Array.isArray(body)) problems.push({ field: 'body', rule: 'noBody', message: 'This route takes no request body' });
      else if (typeof body === 'object' && body !== null) problems.push(...Object.keys(body).map(undeclared));
    }
    const named = declared.query;
    if (named !== 'dto')
      problems.push(
        ...Object.keys(request.query ?? {})
          .filter((key) => !named.has(key))
          .map(undeclared),
      );
    if (problems.length > 0) throw inputRefusal(problems);
    return next.handle();
  }
}
