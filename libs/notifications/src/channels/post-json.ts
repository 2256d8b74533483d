import { DeliveryResult, failed, retry, SENT } from '../notification';

export interface PostJsonRequest {
  readonly url: string;
  readonly body: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
}

/** What came back, when the server answered in time. */
export interface PostJsonAnswer {
  readonly status: number;
  readonly text: string;
}

/**
 * POSTs a JSON body with a timeout, so one slow receiver holds one delivery for at most that long.
 * Redirects are not followed (a signed body is for the configured URL only).
 */
export async function postJson(request: PostJsonRequest): Promise<PostJsonAnswer | { readonly error: string }> {
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', ...request.headers },
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    const text = await response.text();
    return { status: response.status, text: text.slice(0, 2_000) };
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'TimeoutError' || name === 'AbortError') return { error: `no answer within ${request.timeoutMs} ms` };
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { error: cause?.code ?? cause?.message ?? String(error) };
  }
}

/**
 * HTTP status → delivery result: 2xx sent; 408, 425, 429 and 5xx may pass later (retry); any other
 * status is the receiver refusing this request as it is (bad URL, bad signature, bad body), which
 * no retry mends. No answer (timeout, connection refused) is retried.
 */
export function resultOfHttp(answer: PostJsonAnswer | { readonly error: string }, what: string): DeliveryResult {
  if ('error' in answer) return retry(`${what}: ${answer.error}`);
  if (answer.status >= 200 && answer.status < 300) return SENT;
  const reason = `${what} answered ${answer.status}${answer.text ? `: ${answer.text.slice(0, 200)}` : ''}`;
  if (answer.status >= 500 || [408, 425, 429].includes(answer.status)) return retry(reason);
  return failed(reason);
}
