import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { StagedFile } from './staged-file';
import { StagingSession, stagingSessionOf, unlinkQuietly } from './staging-session';
import { StreamedSniff } from './streamed-sniff';
import { cleanUploadName } from './upload-name';

/** The part of multer's file a storage engine is given (multer has no types installed here). */
interface MulterFile {
  readonly originalname?: string;
  readonly stream: Readable;
  path?: string;
}

type Callback = (error: Error | null, info?: StagedFile) => void;

/** The file part broke off (malformed framing, the client gone): the request's fault, answered 400. */
export class UploadBrokenOff extends Error {}

const released = (): Error => new Error('The request was answered or its connection closed while the file was arriving');

/**
 * Streams one file part to `path` (created 0600, never overwriting) through an SM3 hash, a byte
 * counter and the kind check, holding no more than a chunk and the sniffer's head and tail. The
 * first problem — over the limit, a kind not admitted, the part breaking off, the session being
 * released — stops the write, discards the rest of the part and removes the file.
 */
async function stage(source: Readable, path: string, session: StagingSession): Promise<Omit<StagedFile, 'name'>> {
  const { rules } = session;
  await mkdir(rules.dir, { recursive: true, mode: 0o700 });
  const handle = await open(path, 'wx', 0o600);
  const out = handle.createWriteStream();
  return new Promise((resolve, reject) => {
    const hash = createHash('sm3');
    const sniff = new StreamedSniff(rules.kinds);
    let size = 0;
    let ended = false;
    let settled = false;
    const fail = (error: Error): void => {
      if (settled) return;
      settled = true;
      source.off('data', onData);
      source.resume(); // the rest of the part is read and dropped, so multer can answer
      out.destroy();
      void unlinkQuietly(path)
        .catch(() => undefined)
        .then(() => reject(error));
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > rules.maxBytes) return fail(rules.tooLarge());
      if (!sniff.push(chunk)) return fail(rules.wrongKind());
      hash.update(chunk);
      if (!out.write(chunk)) {
        source.pause();
        out.once('drain', () => settled || source.resume());
      }
    };
    session.track(path, () => fail(released()));
    if (session.isReleased) return fail(released());
    source.on('data', onData);
    source.once('limit', () => fail(rules.tooLarge()));
    source.once('error', (error: Error) => fail(new UploadBrokenOff(error.message)));
    source.once('close', () => ended || fail(new UploadBrokenOff('The file part ended before its data did')));
    out.once('error', (error: Error) => fail(error));
    source.once('end', () => {
      ended = true;
      // An empty part is not refused here: the guard answers it as "no file" (fileRequired).
      const kind = size === 0 ? { mediaType: 'application/octet-stream' } : sniff.finish();
      if (!kind) return fail(rules.wrongKind());
      out.end(() => {
        if (settled) return;
        settled = true;
        resolve({ path, digest: hash.digest('hex'), size, mediaType: kind.mediaType });
      });
    });
  });
}

/**
 * multer's storage engine for streamed uploads: each file goes to a fresh staging file under the
 * request's StagingSession (opened by FileUploadGuard), and multer puts the StagedFile on
 * `req.file`. Nothing of the file is held in memory beyond what sniffing needs.
 */
export class StagingStorage {
  _handleFile(request: object, file: MulterFile, callback: Callback): void {
    const session = stagingSessionOf(request);
    if (!session) {
      file.stream.resume();
      callback(new Error('A streamed upload needs a staging session (FileUploadGuard opens it)'));
      return;
    }
    const path = join(session.rules.dir, randomBytes(16).toString('hex'));
    // Known to multer before the file is complete, so its own abort cleanup removes it too.
    file.path = path;
    stage(file.stream, path, session).then(
      (staged) => callback(null, { ...staged, name: cleanUploadName(file.originalname) }),
      (error: Error) => callback(error),
    );
  }

  _removeFile(_request: object, file: { readonly path?: string }, callback: (error: Error | null) => void): void {
    if (!file.path) return callback(null);
    unlinkQuietly(file.path).then(
      () => callback(null),
      (error: Error) => callback(error),
    );
  }
}
