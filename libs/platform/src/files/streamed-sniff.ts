import { FileKind, ZIP_KINDS } from './file-kinds';
import { SNIFF_HEAD_BYTES, sniffHead, ZIP_TAIL_BYTES, zipKindOf, ZipPending } from './file-sniff';
import { OTHER, Sniffed } from './media-sniff';

/**
 * Judges a file's kind while it streams past, holding at most its head (SNIFF_HEAD_BYTES plus one
 * chunk) and, for a zip, its tail (where the central directory names every entry). `push` says
 * `false` as soon as the head shows a kind the upload does not admit, so the upload stops there;
 * only a zip waits for its end, and only when a zip kind is admitted at all.
 */
export class StreamedSniff {
  private head: Buffer[] = [];
  private headLength = 0;
  private verdict: Sniffed | ZipPending | undefined;
  private zipHead: Buffer | undefined;
  private readonly tail: Buffer[] = [];
  private tailLength = 0;
  private refused = false;

  constructor(private readonly kinds: readonly FileKind[]) {}

  /** Takes the next chunk; false once the file is known not to be of the admitted kinds. */
  push(chunk: Buffer): boolean {
    if (this.refused) return false;
    if (this.verdict === undefined) {
      this.head.push(chunk);
      this.headLength += chunk.length;
      if (this.headLength >= SNIFF_HEAD_BYTES) this.decideHead();
    }
    if (this.verdict !== undefined && 'zip' in this.verdict) this.keepTail(chunk);
    return !this.refused;
  }

  /** At the end of the file: its kind and media type when admitted, else undefined. */
  finish(): Sniffed | undefined {
    if (this.verdict === undefined) this.decideHead();
    if (this.refused || this.verdict === undefined) return undefined;
    const result = 'zip' in this.verdict ? zipKindOf([this.zipHead ?? Buffer.alloc(0), Buffer.concat(this.tail)]) : this.verdict;
    return result.kind !== 'other' && this.kinds.includes(result.kind) ? result : undefined;
  }

  private decideHead(): void {
    const head = Buffer.concat(this.head);
    this.head = [];
    const verdict = sniffHead(head.subarray(0, SNIFF_HEAD_BYTES));
    this.verdict = verdict;
    if ('zip' in verdict) {
      // Local headers in the head name the first entries; the chunks after it go to the tail.
      this.zipHead = head;
      this.refused = !ZIP_KINDS.some((kind) => this.kinds.includes(kind));
    } else {
      this.refused = verdict === OTHER || verdict.kind === 'other' || !this.kinds.includes(verdict.kind);
    }
  }

  private keepTail(chunk: Buffer): void {
    this.tail.push(chunk);
    this.tailLength += chunk.length;
    while (this.tail.length > 1 && this.tailLength - this.tail[0]!.length >= ZIP_TAIL_BYTES) {
      this.tailLength -= this.tail.shift()!.length;
    }
  }
}
