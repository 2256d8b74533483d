import { attachmentDisposition } from '@bihuan/platform';
import { DOCX_CONTENT_TYPE, NoticeFile } from '../application/notice-views';

/** The part of Express's response a download needs (no @types/express here). */
export interface FileResponse {
  setHeader(name: string, value: string): unknown;
  status(code: number): { end(body: Buffer): unknown };
}

/** A DOCX download: its type, an RFC 5987 UTF-8 name with an ASCII fallback, and its SM3 digest. */
export function sendDocx(res: FileResponse, file: NoticeFile): void {
  res.setHeader('Content-Type', DOCX_CONTENT_TYPE);
  res.setHeader('Content-Disposition', attachmentDisposition(file.utf8Name, file.asciiName));
  res.setHeader('Content-Length', String(file.body.length));
  res.setHeader('X-Content-SM3', file.digest);
  res.setHeader('Cache-Control', 'no-store');
  res.status(200).end(file.body);
}
