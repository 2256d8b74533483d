import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const CSV_MEDIA_TYPE = 'text/csv';

/** 200 with a file download (binary body, Content-Disposition attachment) in one of `mediaTypes`. */
export function ApiFileResponse(mediaTypes: readonly string[], description: string): MethodDecorator & ClassDecorator {
  const content = Object.fromEntries(mediaTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]));
  return applyDecorators(ApiProduces(...mediaTypes), ApiOkResponse({ description, content }));
}

/** 200 with a server-sent event stream (text/event-stream), read with EventSource. */
export function ApiEventStreamResponse(description: string): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiProduces('text/event-stream'),
    ApiOkResponse({ description, content: { 'text/event-stream': { schema: { type: 'string' } } } }),
  );
}
