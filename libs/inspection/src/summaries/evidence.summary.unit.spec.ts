import { SummaryContext } from '@bihuan/core';
import { EVIDENCE_STEP_LABELS } from '../domain/inspection-labels';
import { INSPECTION_SUMMARY_CATALOGUE } from './inspection.summaries';
import { mediaKind, readableSize } from './evidence.summary';

const names: Readonly<Record<string, string>> = { 'u-1': '赵监督员' };
const terms: Readonly<Record<string, string>> = EVIDENCE_STEP_LABELS;
const ctx: SummaryContext = {
  actor: '赵监督员',
  person: (id) => (id ? (names[id] ?? id) : '赵监督员'),
  unit: (id) => id ?? '',
  deadline: (id) => id,
  term: (code) => terms[code] ?? code,
};
const file = { digest: 'a'.repeat(64), size: 2_411_724, mediaType: 'image/jpeg', name: '现场照片.jpg' };
const summarise = (data: object) => INSPECTION_SUMMARY_CATALOGUE.summarise('EvidenceAttached', data, ctx);

describe('EvidenceAttached in words', () => {
  it('names who attached which file, of what kind and size, at which step, with the note', () => {
    expect(summarise({ file, step: 'finding', note: '走廊拍摄', attachedBy: 'u-1' })).toBe(
      '赵监督员 上传问题取证证据《现场照片.jpg》（图片，2.3MB）：走廊拍摄',
    );
    expect(summarise({ file: { ...file, mediaType: 'application/pdf', size: 812 }, step: 'receipt', note: null, attachedBy: 'u-1' })).toBe(
      '赵监督员 上传证据《现场照片.jpg》（PDF 文档，812B）',
    );
  });

  it('says the kind and size as people read them', () => {
    expect(
      ['video/mp4', 'audio/mpeg', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/zip'].map(
        mediaKind,
      ),
    ).toEqual(['视频', '音频', 'Word 文档', '文件']);
    expect([1023, 1024, 46_285, 1_073_741_824].map(readableSize)).toEqual(['1023B', '1KB', '45.2KB', '1GB']);
  });
});
