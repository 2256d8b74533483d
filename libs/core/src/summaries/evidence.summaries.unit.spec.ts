import { EvidenceAttached, EvidenceFile } from '../evidence';
import { EVIDENCE_SUMMARY_CATALOGUE, evidenceStepTerms } from './evidence.summaries';
import { SummaryContext } from './event-summary';

const terms = evidenceStepTerms({ complainant: '投诉人提交', record: '医德档案记录材料' });
const ctx = (actor: string): SummaryContext => ({
  actor,
  person: (id) => id ?? actor,
  unit: (id) => id ?? '',
  deadline: (id) => id,
  term: (code) => terms[code] ?? code,
});
const file = (over: Partial<EvidenceFile> = {}): EvidenceFile => ({
  digest: 'a'.repeat(64),
  size: 3 * 1024 * 1024,
  mediaType: 'image/jpeg',
  name: '张三身份证.jpg',
  ...over,
});
const summary = (data: EvidenceAttached['data'], actor = '投诉人'): string =>
  EVIDENCE_SUMMARY_CATALOGUE.summarise('EvidenceAttached', data, ctx(actor));

describe('EvidenceAttached in words', () => {
  it('never names a sealed file nor shows its note', () => {
    const sealed = file({ sealed: { subjectId: 'subj-1', storedDigest: 'b'.repeat(64), storedSize: 100 } });
    const line = summary({ file: sealed, step: 'complainant', note: '我叫张三', attachedBy: 'public' });
    expect(line).toBe('投诉人 上传材料（投诉人提交）：加密保存的图片，3.0MB');
    expect(line).not.toContain('张三');
  });

  it('names an unsealed file, its step and its note', () => {
    const line = summary(
      {
        file: file({ name: '谈话记录.pdf', mediaType: 'application/pdf', size: 5000 }),
        step: 'record',
        note: '院内调查',
        attachedBy: 'u1',
      },
      '李科长',
    );
    expect(line).toBe('李科长 上传材料（医德档案记录材料）：谈话记录.pdf（PDF文件，5KB）：院内调查');
  });

  it('leaves out a step no catalogue names', () => {
    expect(summary({ file: file({ name: 'a.png', size: 10 }), step: 'unknown', note: null, attachedBy: 'u1' }, '王')).toBe(
      '王 上传材料：a.png（图片，1KB）',
    );
  });
});
