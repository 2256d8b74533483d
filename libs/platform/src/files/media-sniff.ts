import { FileKind, KIND_MEDIA_TYPES } from './file-kinds';

/** A file's kind judged by its bytes, and the media type it is stored and served with. */
export interface Sniffed {
  readonly kind: FileKind | 'other';
  readonly mediaType: string;
}

export const OTHER: Sniffed = Object.freeze({ kind: 'other', mediaType: 'application/octet-stream' });

export const sniffed = (kind: FileKind, mediaType = KIND_MEDIA_TYPES[kind]): Sniffed => ({ kind, mediaType });

const ascii = (head: Buffer, from: number, to: number): string => (head.length >= to ? head.toString('latin1', from, to) : '');

/** ISO base media brands (the `ftyp` box) of the kinds we keep. */
function brandKind(brand: string): Sniffed | undefined {
  if (['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis'].includes(brand)) return sniffed('heic');
  if (brand === 'mif1' || brand === 'msf1') return sniffed('heic', 'image/heif');
  if (brand === 'qt  ') return sniffed('mov');
  if (brand === 'M4A ' || brand === 'M4B ') return sniffed('m4a');
  if (brand.startsWith('3gp') || brand.startsWith('3gs')) return sniffed('3gp');
  if (brand.startsWith('3g2')) return sniffed('3gp', 'video/3gpp2');
  if (/^(isom|iso[2-9]|mp4[12]|mp71|avc1|M4V |f4v |MSNV|dash|mmp4)$/.test(brand)) return sniffed('mp4');
  return undefined;
}

/**
 * MP4, MOV, 3GP, M4A and HEIC/HEIF all open with an `ftyp` box: its major brand says which, else
 * the first compatible brand we know (a camera's own major brand often lists `mp42` or `iso2`).
 */
export function sniffFtyp(head: Buffer): Sniffed | undefined {
  if (ascii(head, 4, 8) !== 'ftyp') return undefined;
  const size = head.readUInt32BE(0);
  const major = brandKind(ascii(head, 8, 12));
  if (major) return major;
  for (let at = 16; at + 4 <= Math.min(size, head.length); at += 4) {
    const compatible = brandKind(ascii(head, at, at + 4));
    if (compatible) return compatible;
  }
  return OTHER;
}

/** `RIFF` containers: WAVE audio and WebP images; AVI and the rest are not kept. */
export function sniffRiff(head: Buffer): Sniffed | undefined {
  if (ascii(head, 0, 4) !== 'RIFF') return undefined;
  const form = ascii(head, 8, 12);
  if (form === 'WAVE') return sniffed('wav');
  if (form === 'WEBP') return sniffed('webp');
  return OTHER;
}

const MPEG1_L3_KBPS = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const MPEG2_L3_KBPS = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
/** Sample rates by version bits (0: MPEG 2.5, 2: MPEG 2, 3: MPEG 1). */
const SAMPLE_RATES: Readonly<Record<number, readonly number[]>> = {
  0: [11025, 12000, 8000],
  2: [22050, 24000, 16000],
  3: [44100, 48000, 32000],
};

/** The length of the MPEG layer III frame whose header is at `at`, or 0 when there is none. */
function mp3FrameLength(head: Buffer, at: number): number {
  if (at + 4 > head.length || head[at] !== 0xff) return 0;
  const b1 = head[at + 1]!;
  const b2 = head[at + 2]!;
  const version = (b1 >> 3) & 0x3;
  const layer = (b1 >> 1) & 0x3;
  if ((b1 & 0xe0) !== 0xe0 || version === 1 || layer !== 1) return 0;
  const kbps = (version === 3 ? MPEG1_L3_KBPS : MPEG2_L3_KBPS)[b2 >> 4];
  const rate = SAMPLE_RATES[version]![(b2 >> 2) & 0x3];
  if (!kbps || !rate) return 0;
  const padding = (b2 >> 1) & 0x1;
  return Math.floor(((version === 3 ? 144 : 72) * kbps * 1000) / rate) + padding;
}

/**
 * MP3: an ID3v2 tag, or a layer III frame header followed by another where its length says (two
 * bytes of frame sync alone occur by chance in any binary; two chained frames do not).
 */
export function sniffMp3(head: Buffer): Sniffed | undefined {
  if (ascii(head, 0, 3) === 'ID3' && head.length >= 10 && head[3]! <= 4) return sniffed('mp3');
  const first = mp3FrameLength(head, 0);
  if (first > 0 && mp3FrameLength(head, first) > 0) return sniffed('mp3');
  return undefined;
}

/** AMR voice recordings (many phones' recorders): narrow band `#!AMR\n`, wide band `#!AMR-WB\n`. */
export function sniffAmr(head: Buffer): Sniffed | undefined {
  if (ascii(head, 0, 6) === '#!AMR\n') return sniffed('amr');
  if (ascii(head, 0, 9) === '#!AMR-WB\n') return sniffed('amr', 'audio/amr-wb');
  return undefined;
}
