import { EvidenceEvent, EvidenceFile } from '../evidence';
import { EventSummaries, summaryCatalogue } from './event-summary';

/** What the file is, in words: judged from the media type the upload was sniffed as. */
function kindWord(mediaType: string): string {
  if (mediaType.startsWith('image/')) return '图片';
  if (mediaType.startsWith('video/')) return '视频';
  if (mediaType.startsWith('audio/')) return '录音';
  if (mediaType === 'application/pdf') return 'PDF';
  if (mediaType === 'application/ofd') return 'OFD';
  return '文件';
}

/** 2.3MB, 512KB, 800B. */
export function fileSizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')}MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)}KB`;
  return `${bytes}B`;
}

/**
 * The steps files are attached at, across the contexts, in words: one home for them — the
 * contexts' catalogue labels (EVIDENCE_STEP_LABELS …) pick theirs from here.
 */
export const EVIDENCE_STEP_WORDS = {
  visit: '现场检查',
  finding: '问题取证',
  plan: '整改方案',
  progress: '整改进展',
  signOff: '销号申请',
  recheck: '回头看',
  complaint: '投诉举报',
  intake: '受理',
  handling: '办理',
  answer: '答复',
  followUp: '回访',
  supervision: '督办',
  ethics: '医德档案',
  referralDossier: '移交案卷',
  referralOutcome: '处理结果',
  credit: '信用档案',
} as const;
const STEP_WORDS: Readonly<Record<string, string>> = EVIDENCE_STEP_WORDS;

/**
 * A sealed file's name may itself be personal data (a complainant's receipt named after them), so
 * its summary names only what it is; the file list shows the name to readers who may see it.
 */
function fileText(file: EvidenceFile): string {
  const what = `${kindWord(file.mediaType)}，${fileSizeText(file.size)}`;
  return file.sealed ? `材料（${what}，加密保存）` : `《${file.name}》（${what}）`;
}

export const EVIDENCE_SUMMARIES: EventSummaries<EvidenceEvent> = {
  EvidenceAttached: (d, c) => {
    const step = STEP_WORDS[d.step];
    return `${c.person(d.attachedBy)}上传证据${fileText(d.file)}${step ? `（${step}）` : ''}`;
  },
};

export const EVIDENCE_SUMMARY_CATALOGUE = summaryCatalogue<EvidenceEvent>('evidence', EVIDENCE_SUMMARIES);
