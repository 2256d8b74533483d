import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { StagedFile } from '../files/staged-file';

function isStaged(file: unknown): file is StagedFile {
  return (
    typeof file === 'object' &&
    file !== null &&
    typeof (file as StagedFile).path === 'string' &&
    typeof (file as StagedFile).digest === 'string'
  );
}

/**
 * The file of a route declared `@FileUpload({ mode: 'streamed', use, fields })`, as FileUploadGuard
 * staged and checked it: `{ path, digest, size, mediaType, name }`. The staging file is removed
 * once the response is done, so a handler keeps it by copying or moving it before it answers.
 */
export const StagedUpload = createParamDecorator((_data: unknown, context: ExecutionContext): StagedFile => {
  const file: unknown = context.switchToHttp().getRequest<{ file?: unknown }>().file;
  // Only a route without the streamed @FileUpload gets here without one: a wiring mistake, not input.
  if (!isStaged(file)) throw new Error('@StagedUpload() is for routes declared @FileUpload({ mode: "streamed", … })');
  return file;
});
