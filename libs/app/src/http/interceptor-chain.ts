import { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { defer, from, isObservable, mergeAll, Observable } from 'rxjs';

/**
 * The API's global interceptors run as ONE Nest interceptor, in the order given (the first is the
 * outermost, as Nest would run them had each been registered on its own). Why: Nest wraps every
 * interceptor's `next.handle()` in a new `AsyncResource` (`AsyncResource.bind`, whose bound
 * function defines two deprecated accessors each time) — with four global interceptors that was
 * ~4 % of a command's CPU (issue 14, item 6). Here each step's `handle()` is a plain `defer`, so
 * a step still starts only when the one before subscribes, and throws become the Observable's
 * error as in Nest's own chain.
 */
export class InterceptorChain implements NestInterceptor {
  constructor(private readonly steps: readonly NestInterceptor[]) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const run = (index: number): Observable<unknown> => {
      const step = this.steps[index];
      if (!step) return next.handle();
      const answer = step.intercept(context, { handle: () => defer(() => run(index + 1)) });
      return isObservable(answer) ? answer : from(answer).pipe(mergeAll());
    };
    return defer(() => run(0));
  }
}
