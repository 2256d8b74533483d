import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';

/** SM3 (hex) of everything a stream yields, chunk by chunk: how stored files are checked without holding them. */
export async function sm3OfStream(stream: Readable): Promise<string> {
  const hash = createHash('sm3');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
