/**
 * The kinds of file the system tells apart by content (file-sniff.ts), the media type each is
 * stored and served with, and the groups an upload policy may name instead of single kinds.
 * `other` is everything else: never accepted anywhere.
 */
export const FILE_KINDS = [
  'jpeg',
  'png',
  'gif',
  'webp',
  'heic',
  'mp4',
  'mov',
  '3gp',
  'm4a',
  'mp3',
  'amr',
  'wav',
  'pdf',
  'docx',
  'xlsx',
  'pptx',
  'ofd',
  'ole',
  'csv',
] as const;

export type FileKind = (typeof FILE_KINDS)[number];
export type SniffedKind = FileKind | 'other';

/**
 * The usual media type of each kind. A few kinds have a variant the sniffer reports instead
 * (HEIF for a `mif1`/`msf1` still image, AMR-WB), so read a file's type from its Sniffed result.
 * `ole` is any OLE2 compound file (Word/Excel/PowerPoint 97-2003): which program wrote it is in
 * its directory, which may sit at the end of the file, so it is not told apart while streaming.
 */
export const KIND_MEDIA_TYPES: Readonly<Record<FileKind, string>> = Object.freeze({
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  '3gp': 'video/3gpp',
  m4a: 'audio/mp4',
  mp3: 'audio/mpeg',
  amr: 'audio/amr',
  wav: 'audio/wav',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  ofd: 'application/ofd',
  ole: 'application/x-ole-storage',
  csv: 'text/csv',
});

/** Groups a policy may name (`images` …), each standing for its kinds. */
export const FILE_KIND_GROUPS = Object.freeze({
  images: ['jpeg', 'png', 'gif', 'webp', 'heic'],
  video: ['mp4', 'mov', '3gp'],
  audio: ['mp3', 'm4a', 'amr', 'wav'],
  pdf: ['pdf'],
  office: ['docx', 'xlsx', 'pptx', 'ofd', 'ole'],
} as const satisfies Record<string, readonly FileKind[]>);

export type FileKindGroup = keyof typeof FILE_KIND_GROUPS;

/** Kinds and groups: what a policy's `kinds` list may hold. */
export const FILE_KIND_NAMES: readonly string[] = Object.freeze([...new Set([...Object.keys(FILE_KIND_GROUPS), ...FILE_KINDS])]);

/** Kinds that are zip packages: told apart by their entry names, read at the end of the file. */
export const ZIP_KINDS: readonly FileKind[] = Object.freeze(['docx', 'xlsx', 'pptx', 'ofd']);

function isGroup(name: string): name is FileKindGroup {
  return Object.prototype.hasOwnProperty.call(FILE_KIND_GROUPS, name);
}

export function isFileKind(name: string): name is FileKind {
  return (FILE_KINDS as readonly string[]).includes(name);
}

/** The kinds a list of kinds and groups stands for, in the order named, once each; unknown names are dropped. */
export function expandKinds(names: readonly string[]): FileKind[] {
  const out = new Set<FileKind>();
  for (const name of names) {
    if (isGroup(name)) FILE_KIND_GROUPS[name].forEach((k) => out.add(k));
    else if (isFileKind(name)) out.add(name);
  }
  return [...out];
}
