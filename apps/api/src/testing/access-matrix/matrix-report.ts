import ExcelJS from 'exceljs';
import { Response } from 'supertest';
import { MarkerBook } from './matrix-markers';
import { maysee, Reader } from './matrix-scope';

/** Every violation of the run, collected so the test fails once with the whole list. */
export class Violations {
  readonly list: { kind: string; detail: string }[] = [];
  /** Formats in which a marker the reader may see was found: proof that the scan is not blind there. */
  readonly seenIn = new Set<string>();

  add(kind: string, detail: string): void {
    this.list.push({ kind, detail });
  }

  /** Counts by kind, then every line: what the lead checks the fixes against. */
  report(): string {
    const counts = new Map<string, number>();
    for (const v of this.list) counts.set(v.kind, (counts.get(v.kind) ?? 0) + 1);
    const summary = [...counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => `  ${String(n).padStart(5)}  ${k}`);
    return [`${this.list.length} access-matrix violations`, ...summary, '', ...this.list.map((v) => `[${v.kind}] ${v.detail}`)].join('\n');
  }
}

/** Collects a binary body (xlsx) instead of letting supertest decode it as text. */
export function binary(res: Response, done: (err: Error | null, body: unknown) => void): void {
  const chunks: Buffer[] = [];
  const stream = res as unknown as NodeJS.ReadableStream;
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

/** The text a reader gets from a response: JSON, CSV, HTML, or every cell of every sheet of an xlsx. */
export async function responseText(res: Response, format: 'xlsx' | 'csv' | 'html' | 'sse' | 'docx' | undefined): Promise<string> {
  if (format === 'xlsx' && res.status < 300 && Buffer.isBuffer(res.body)) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text)))));
    return cells.join('\n');
  }
  // A generated DOCX is stored uncompressed (ADR 0009): its XML is readable in the bytes as they are.
  if (Buffer.isBuffer(res.body)) return res.body.toString('utf8');
  return res.text ?? JSON.stringify(res.body);
}

/** Reports every marker in `text` that the reader may not see. */
export function scanMarkers(v: Violations, book: MarkerBook, reader: Reader, text: string, where: string, format = 'json'): void {
  for (const m of book.find(text)) {
    if (maysee(reader, m)) {
      v.seenIn.add(format);
      continue;
    }
    v.add(`leak:${m.cls}:${m.context}`, `${where}: ${reader.id} got ${m.text} (${m.where} of ${m.institution})`);
  }
}
