/** The longest original name kept (in characters): enough for any real file name. */
export const MAX_UPLOAD_NAME = 200;

/**
 * Control characters and the bidirectional controls that make `gpj.exe` display as `exe.jpg`:
 * they have no place in a name shown to people.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The name a client gave its file, fit to be shown and offered back on download: the last path
 * part only (browsers of old sent `C:\…\photo.jpg`), without control characters, trimmed, at most
 * MAX_UPLOAD_NAME characters (Chinese kept; never a surrogate half), `file` when nothing is left.
 */
export function cleanUploadName(original: string | undefined): string {
  const last = (original ?? '').split(/[\\/]/).pop() ?? '';
  const clean = last.replace(UNSAFE, '').trim();
  const limited = Array.from(clean).slice(0, MAX_UPLOAD_NAME).join('').trim();
  return limited === '' || limited === '.' || limited === '..' ? 'file' : limited;
}
