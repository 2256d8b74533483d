import { FuzzBody, prng, RESERVED } from './fuzz-bodies';

const BOUNDARY = 'fuzzb';
const TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

function part(name: string, value: string, filename?: string, type = 'application/octet-stream'): string {
  const disposition = `form-data; name="${name}"${filename === undefined ? '' : `; filename="${filename}"`}`;
  const header = filename === undefined ? '' : `Content-Type: ${type}\r\n`;
  return `--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\n${header}\r\n${value}\r\n`;
}
const end = `--${BOUNDARY}--\r\n`;

/**
 * Invalid multipart forms for a route declared with @FileUpload (its OpenAPI body is
 * multipart/form-data): no file, two files, a file under another name, text that is no
 * spreadsheet or document, reserved and nested field names, too many fields, broken framing,
 * a JSON body. Each must be a 4xx with a code and write nothing.
 */
export function generateMultipartBodies(seed: number, minimum: number): FuzzBody[] {
  const random = prng(seed);
  const bodies: FuzzBody[] = [];
  const add = (label: string, payload: string, contentType = TYPE) => bodies.push({ label, contentType, payload });
  add('no file', part('reason', 'x') + end);
  add('empty file', part('file', '', 'a.csv') + end);
  add('binary file', part('file', '\u0000\u0001\u0002MZ', 'a.docx') + end);
  add('zip of nothing', part('file', 'PK\u0003\u0004junk', 'a.xlsx') + end);
  add('two files', part('file', 'a,b', 'a.csv') + part('file', 'a,b', 'b.csv') + end);
  add('file under another name', part('upload', 'a,b', 'a.csv') + end);
  add('text field named file', part('file', 'a,b') + end);
  add('nested field', part('sheet[x]', 'units') + part('file', 'a,b', 'a.csv') + end);
  for (const key of RESERVED) add(`reserved field ${key}`, part(`${key}[x]`, '1') + part('file', 'a,b', 'a.csv') + end);
  add('too many fields', Array.from({ length: 20 }, (_v, i) => part(`f${i}`, 'x')).join('') + end);
  add('long field', part('reason', 'x'.repeat(10_000)) + part('file', 'a,b', 'a.csv') + end);
  add('no closing boundary', part('file', 'a,b', 'a.csv'));
  add('no boundary', part('file', 'a,b', 'a.csv') + end, 'multipart/form-data');
  add('garbage', '\r\n--\r\n--fuzzb\r\n\r\n', TYPE);
  add('json', '{"reason":"x"}', 'application/json');
  while (bodies.length < minimum) {
    // Led by a visible letter: a file of only whitespace is an empty list, which imports as nothing (a 200).
    const lead = String.fromCharCode(0x41 + Math.floor(random() * 26));
    const bytes = lead + Array.from({ length: Math.floor(random() * 64) }, () => String.fromCharCode(Math.floor(random() * 256))).join('');
    add(`random file #${bodies.length}`, part('sheet', 'units') + part('file', bytes, 'x.csv') + end);
  }
  return bodies;
}
