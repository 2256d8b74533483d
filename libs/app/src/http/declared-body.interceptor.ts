import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { Observable } from 'rxjs';
import { FieldProblem } from './error-body';
import { inputRefusal } from './input-inspection';

/** True when the handler takes a `@Body()` argument (then the validation pipe judges the body). */
function declaresBody(context: ExecutionContext): boolean {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), context.getHandler().name) ?? {}) as Record<string, unknown>;
  return Object.keys(args).some((key) => key.split(':')[0] === String(RouteParamtypes.BODY));
}

/**
 * A route without a body DTO (`acknowledge`, `finalise`, `retry`) has no validation pipe to refuse
 * extra keys, so without this its body would be silently ignored and the action taken anyway.
 * Every key of a body it was not asked for is refused like any undeclared key.
 */
@Injectable()
export class DeclaredBodyInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http' && !declaresBody(context)) {
      const body = context.switchToHttp().getRequest<{ body?: unknown }>().body;
      const problems: FieldProblem[] = Array.isArray(body)
        ? [{ field: 'body', rule: 'noBody', message: 'This route takes no request body' }]
        : typeof body === 'object' && body !== null
          ? Object.keys(body).map((field) => ({ field, rule: 'whitelistValidation', message: `property ${field} should not exist` }))
          : [];
      if (problems.length > 0) throw inputRefusal(problems);
    }
    return next.handle();
  }
}
