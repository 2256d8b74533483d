import { EvidenceEvent, EvidenceFile } from '../evidence';
import { EventSummaries, summaryCatalogue } from './event-summary';

/** A file's kind in words, from the type judged on upload. */
function kindOf(mediaType: string): string {
  if (mediaType.startsWith('image/')) return '图片';
  if (mediaType.startsWith('video/')) return '视频';
  if (mediaType.startsWith('audio/')) return '音频';
  if (mediaType === 'application/pdf') return 'PDF文件';
  return '文件';
}

function sizeOf(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)}MB`;
  return `${Math.max(1, Math.round(bytes / 1024))}KB`;
}

/**
 * A sealed file (a complainant's, or any file of a complaint) may show the person in its very
 * name (`张三身份证.jpg`), and its note in the complainant's own words: a summary names neither,
 * whoever reads it. Its kind and size are enough to follow the case; the file list shows the name
 * to those who may see it.
 */
function describe(file: EvidenceFile): string {
  const what = `${kindOf(file.mediaType)}，${sizeOf(file.size)}`;
  return file.sealed ? `加密保存的${what}` : `${file.name}（${what}）`;
}

/**
 * Core's generic EvidenceAttached in words, whichever case holds it (as DEADLINE_SUMMARIES are for
 * deadlines): the step is named by the owning context's catalogue terms (`evidence:<step>`).
 */
export const EVIDENCE_SUMMARIES: EventSummaries<EvidenceEvent> = {
  EvidenceAttached: (d, c) => {
    const code = `evidence:${d.step}`;
    const step = c.term(code);
    const note = !d.file.sealed && d.note ? `：${d.note}` : '';
    return `${c.actor} 上传材料${step === code ? '' : `（${step}）`}：${describe(d.file)}${note}`;
  },
};

export const EVIDENCE_SUMMARY_CATALOGUE = summaryCatalogue<EvidenceEvent>('core', EVIDENCE_SUMMARIES);

/** A context's step labels as catalogue terms (`evidence:<step>` → label), for EVIDENCE_SUMMARIES. */
export function evidenceStepTerms(labels: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  return Object.fromEntries(Object.entries(labels).map(([step, label]) => [`evidence:${step}`, label]));
}
