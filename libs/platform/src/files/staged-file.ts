/**
 * An upload as it arrives: streamed to a private staging file under the data directory while its
 * SM3 digest and size are computed and its head sniffed, so nothing is ever held whole in memory.
 * The upload route removes the staging file once the request is answered, kept or refused.
 */
export interface StagedFile {
  /** The staging file on local disk. */
  readonly path: string;
  /** SM3 of the bytes, 64 lowercase hex digits. */
  readonly digest: string;
  readonly size: number;
  /** Judged from the content (`image/jpeg` …). */
  readonly mediaType: string;
  /** The name the client gave (shown to people only), cleaned of path parts and control characters. */
  readonly name: string;
}
