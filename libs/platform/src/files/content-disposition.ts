import contentDisposition from 'content-disposition';

/**
 * The `Content-Disposition` of every download (RFC 6266 / 5987): an ASCII fallback `filename="…"`
 * and, when the name is not plain ASCII, `filename*=UTF-8''…` — so Chinese names arrive intact and
 * nothing from a request (a path parameter in the name) can break out of the header. Path
 * separators and control characters are replaced first: a download name is a name, not a path.
 */
export function attachmentDisposition(fileName: string, asciiFallback?: string): string {
  const safe = clean(fileName);
  // The ASCII fallback keeps what it can (older clients): other characters become "_".
  return contentDisposition(safe, { type: 'attachment', fallback: clean(asciiFallback ?? safe).replace(/[^\x20-\x7e]/g, '_') });
}

function clean(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f/\\]/g, '_').trim() || 'download';
}
