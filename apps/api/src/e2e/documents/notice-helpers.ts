import mammoth from 'mammoth';
import { TestApp } from '../../testing/test-app';

/** The text Word would show, as mammoth extracts it from DOCX bytes. */
export async function docxText(bytes: Buffer): Promise<string> {
  return (await mammoth.extractRawText({ buffer: bytes })).value;
}

/** 2026年1月9日 of an instant in Asia/Shanghai, computed here independently of the code under test. */
export function shanghaiWords(instant: string): string {
  const d = new Date(Date.parse(instant) + 8 * 3_600_000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

export interface IssuedNotice {
  readonly documentNo: string;
  readonly digest: string;
  readonly download: string;
  readonly templateVersion: number;
  readonly kind: string;
}

export async function issue(t: TestApp, findingId: string, kind: string, user = 'inspector-a1') {
  return t.http.post(`/findings/${findingId}/notices`).set(t.auth(user)).send({ kind });
}
