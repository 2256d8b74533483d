import type { components } from './schema.gen';

export type ErrorBody = components['schemas']['ErrorBody'];
export type FieldProblem = NonNullable<ErrorBody['fields']>[number];

/**
 * A refusal or failure, in the words the API gave (zh-CN), with its stable code, the fields at fault
 * and the variable parts (`details`, e.g. every rejected row of a directory import).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: readonly FieldProblem[] = [],
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const NETWORK_MESSAGE = '无法连接服务器，请检查网络后重试';

function isErrorBody(value: unknown): value is ErrorBody {
  return typeof value === 'object' && value !== null && typeof (value as ErrorBody).code === 'string';
}

/** An openapi-fetch answer's data, or an ApiError carrying the API's message. */
export async function call<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let answer: { data?: T; error?: unknown; response: Response };
  try {
    answer = await request;
  } catch {
    throw new ApiError(0, 'NETWORK', NETWORK_MESSAGE);
  }
  const { data, error, response } = answer;
  if (response.ok) return data as T;
  if (isErrorBody(error)) throw new ApiError(response.status, error.code, error.message, error.fields ?? [], error.details ?? {});
  throw new ApiError(response.status, `HTTP_${response.status}`, `服务暂时不可用（${response.status}），请稍后重试`);
}

/** The message to show for anything thrown while talking to the API. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return error instanceof Error && error.message ? error.message : NETWORK_MESSAGE;
}
