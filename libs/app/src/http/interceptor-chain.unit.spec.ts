import { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { firstValueFrom, map, of } from 'rxjs';
import { InterceptorChain } from './interceptor-chain';

const context = {} as ExecutionContext;

/** A step that records when it runs, before and after the handler, and tags the answer. */
function step(name: string, seen: string[]): NestInterceptor {
  return {
    intercept: (_context, next) => {
      seen.push(`${name}:before`);
      return next.handle().pipe(
        map((body: unknown) => {
          seen.push(`${name}:after`);
          return `${name}(${String(body)})`;
        }),
      );
    },
  };
}

function handler(seen: string[]): CallHandler {
  return {
    handle: () => {
      seen.push('handler');
      return of('answer');
    },
  };
}

describe('InterceptorChain', () => {
  it('runs its steps as Nest would run them registered one by one: the first outermost', async () => {
    const seen: string[] = [];
    const chain = new InterceptorChain([step('a', seen), step('b', seen), step('c', seen)]);
    const answer = chain.intercept(context, handler(seen));
    expect(seen).toEqual([]); // nothing runs before the answer is subscribed to
    expect(await firstValueFrom(answer)).toBe('a(b(c(answer)))');
    expect(seen).toEqual(['a:before', 'b:before', 'c:before', 'handler', 'c:after', 'b:after', 'a:after']);
  });

  it('lets a step answer without the rest (a replayed request), and turns a throwing step into the error of the answer', async () => {
    const seen: string[] = [];
    const replay: NestInterceptor = { intercept: () => of('stored answer') };
    expect(await firstValueFrom(new InterceptorChain([step('a', seen), replay, step('c', seen)]).intercept(context, handler(seen)))).toBe(
      'a(stored answer)',
    );
    expect(seen).toEqual(['a:before', 'a:after']);

    const refusing: NestInterceptor = {
      intercept: () => {
        throw new Error('refused');
      },
    };
    await expect(firstValueFrom(new InterceptorChain([refusing, step('b', seen)]).intercept(context, handler(seen)))).rejects.toThrow(
      'refused',
    );
  });

  it('takes a step that answers with a promise of its Observable', async () => {
    const later: NestInterceptor = {
      intercept: async (_context, next) => next.handle().pipe(map((body: unknown) => `later(${String(body)})`)),
    };
    expect(await firstValueFrom(new InterceptorChain([later]).intercept(context, handler([])))).toBe('later(answer)');
  });
});
