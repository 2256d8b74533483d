import { deflateSync } from 'node:zlib';
import { sm3Hex } from '@bihuan/event-store';
import { TestApp } from './test-app';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([head, body, crc]);
}

/**
 * A real, small PNG (1×1, one grey pixel whose shade is `shade`): a different shade is a different
 * file, so tests can upload several without them being the same digest.
 */
export function onePixelPng(shade = 0x80): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, no interlace
  const pixels = deflateSync(Buffer.from([0, shade & 0xff])); // filter byte, one pixel
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** SM3 of bytes, as the evidence a step cites. */
export const digestOf = (bytes: Buffer): string => sm3Hex(bytes);

/**
 * Uploads a file as `user` to an evidence route (multipart: `file`, `step`, `note`), checks the
 * status, and answers the body.
 */
export async function uploadEvidence(
  t: TestApp,
  user: string,
  path: string,
  options: { file?: Buffer; name?: string; step?: string; note?: string; status?: number } = {},
): Promise<Record<string, unknown>> {
  const { file = onePixelPng(), name = '现场照片.png', step, note, status = 201 } = options;
  let req = t.http.post(path).set(t.auth(user));
  if (step !== undefined) req = req.field('step', step);
  if (note !== undefined) req = req.field('note', note);
  const res = await req.attach('file', file, { filename: name, contentType: 'image/png' });
  if (res.status !== status)
    throw new Error(`POST ${path} (upload) as ${user}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Record<string, unknown>;
}
