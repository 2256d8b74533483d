/** The bit of Express's response a file download needs. */
export interface HeaderSink {
  setHeader(name: string, value: string): unknown;
}

/**
 * A downloaded file is shown by nothing of ours: never sniffed into HTML, never cached, and if a
 * browser opens it anyway it runs sandboxed with nothing to load.
 */
export const FILE_CSP = "default-src 'none'; sandbox";

/** The headers of every evidence download (audit files, a referral's case file and documents). */
export function fileHeaders(res: HeaderSink): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'private, no-store');
  res.setHeader('Content-Security-Policy', FILE_CSP);
}

/** The ASCII fallback name of a stored file: its digest's head and the extension of its name (`报告.pdf` → `1a2b….pdf`). */
export function digestFileName(digest: string, name: string): string {
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1];
  return `${digest.slice(0, 16)}${ext ? `.${ext.toLowerCase()}` : ''}`;
}
