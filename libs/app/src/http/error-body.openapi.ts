import { OpenAPIObject } from '@nestjs/swagger';

/** The error answer's schema, the same shape toErrorBody builds (error-body.ts). */
const ERROR_BODY_SCHEMA = {
  type: 'object',
  required: ['statusCode', 'error', 'code', 'message'],
  properties: {
    statusCode: { type: 'integer', description: 'HTTP status' },
    error: { type: 'string', description: 'HTTP status text' },
    code: { type: 'string', description: 'Stable error code (VALIDATION, AUTH.LOCKED, …): branch on this, not on messages' },
    message: { type: 'string', description: 'For people: zh-CN by default, English with Accept-Language: en' },
    fields: {
      type: 'array',
      description: 'The inputs at fault, each with its rule',
      items: {
        type: 'object',
        required: ['field', 'rule', 'message'],
        properties: { field: { type: 'string' }, rule: { type: 'string' }, message: { type: 'string' } },
      },
    },
    details: { type: 'object', additionalProperties: true, description: 'The variable parts of the message' },
  },
} as const;

const ERROR_RESPONSE = { $ref: '#/components/responses/Error' };
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * Every operation may answer 4xx (and 503 while starting or stopping) with the one error body, so a
 * generated client types `error` as ErrorBody on every call; routes keep the specific statuses they declare.
 */
export function declareErrorResponses(document: OpenAPIObject): OpenAPIObject {
  const components = (document.components ??= {});
  (components.schemas ??= {})['ErrorBody'] = ERROR_BODY_SCHEMA as never;
  (components.responses ??= {})['Error'] = {
    description: 'Refused: `code` names the rule, `fields` the inputs at fault',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
  };
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      operation.responses['4XX'] ??= ERROR_RESPONSE;
      operation.responses['503'] ??= ERROR_RESPONSE;
    }
  }
  return document;
}
