import { Actor } from '@bihuan/core';
import { eventSummaries } from './summary-catalogues';

/** Names as the directory knows them (UserDirectory / Jurisdiction in the app). */
const PEOPLE: Readonly<Record<string, string>> = { 'inspector-a1': '赵监督员', 'leader-city-a': '李局长', 'staff-9': '钱医生' };
const UNITS: Readonly<Record<string, string>> = { 'hosp-a1-1': '甲市第一人民医院', 'county-a1': '甲市东城区卫生健康局' };
const registry = eventSummaries({ person: (id) => PEOPLE[id], unit: (id) => UNITS[id] });

const INSPECTOR: Actor = { id: 'inspector-a1', role: 'inspector', unit: 'county-a1' };
const LEADER: Actor = { id: 'leader-city-a', role: 'leader', unit: 'city-a' };
const HOSPITAL: Actor = { id: 'hospital-a1-1', role: 'hospital', unit: 'hosp-a1-1' };
const SYSTEM: Actor = { id: 'system', role: 'system', unit: 'root' };

const say = (type: string, data: object, actor: Actor = INSPECTOR): string => registry.summarise({ type, data, actor });

describe('event summaries (names from the directory, dates in Beijing time)', () => {
  it('an attached file: who, its name, kind and size, the step; a sealed file says only what it is', () => {
    const file = { digest: 'a'.repeat(64), size: 2_411_724, mediaType: 'image/jpeg', name: '现场照片.jpg' };
    expect(say('EvidenceAttached', { file, step: 'visit', note: null, attachedBy: 'inspector-a1' })).toBe(
      '赵监督员上传证据《现场照片.jpg》（图片，2.3MB）（现场检查）',
    );
    const sealed = {
      ...file,
      name: '张三的收据.pdf',
      mediaType: 'application/pdf',
      size: 800,
      sealed: { subjectId: 's', storedDigest: 'b'.repeat(64), storedSize: 853 },
    };
    const text = say('EvidenceAttached', { file: sealed, step: 'complaint', note: null, attachedBy: 'inspector-a1' });
    expect(text).toBe('赵监督员上传证据材料（PDF，800B，加密保存）（投诉举报）');
    expect(text).not.toContain('张三');
  });

  it('a finding’s notice: who issued it, the notice number, the Beijing due date and its working days', () => {
    const data = {
      findingId: 'F1',
      round: 1,
      noticeNo: null,
      requirements: null,
      deadlineId: 'rectify',
      // 16:00 UTC on the 8th is already the 9th in Beijing.
      dueAt: '2026-01-08T16:00:00.000Z',
      workingDays: 15,
      issuedBy: 'inspector-a1',
      policyVersion: 'p1',
    };
    expect(say('RectificationNoticeIssued', data)).toBe('赵监督员 开具整改通知书，整改时限 2026年1月9日（15个工作日）');
    expect(say('RectificationNoticeIssued', { ...data, noticeNo: '甲卫健监整〔2026〕12号', round: 2 })).toBe(
      '赵监督员 开具整改通知书 甲卫健监整〔2026〕12号（第2轮），整改时限 2026年1月9日（15个工作日）',
    );
    expect(
      say('DeadlineSet', { deadlineId: 'rectify.r2', purpose: 'rectify', startedAt: '', dueAt: data.dueAt, workingDays: 15 }, SYSTEM),
    ).toBe('设定整改时限（第2轮）：2026年1月9日（15个工作日）');
    expect(
      say(
        'FindingEscalated',
        { round: 1, rung: 'summons', step: 3, expiredDeadlineId: 'escalation.reminder-letter', dueAt: '2026-02-01T02:00:00Z' },
        SYSTEM,
      ),
    ).toBe('提醒敦促函时限已过，逾期升级第3级：约谈通知书，限 2026年2月1日 前整改');
  });

  it('a complaint step: the unit by name, decisions and deadlines in Chinese, never the complainant', () => {
    expect(say('ComplaintDispatched', { ticketId: 'T1', round: 1, institutionId: 'hosp-a1-1', complexity: 'complex' }, LEADER)).toBe(
      '李局长 转办至 甲市第一人民医院（复杂件（多部门，10个工作日））',
    );
    expect(
      say(
        'ComplaintDecided',
        { ticketId: 'T1', round: 1, institutionId: 'hosp-a1-1', decision: 'partly-substantiated', implicatedStaffId: 'staff-9' },
        HOSPITAL,
      ),
    ).toBe('甲市第一人民医院 作出处理意见：部分属实，涉及人员 钱医生');
    expect(
      say('ComplaintReminded', { round: 2, institutionId: 'hosp-a1-1', deadlineId: 'answer-2', dueAt: '2026-03-02T09:00:00Z' }, SYSTEM),
    ).toBe('催办 甲市第一人民医院：答复时限（第2轮） 2026年3月2日 到期');
    const received = say('ComplaintReceived', {
      ticketId: 'T1',
      ticketCode: 'ABCD-1234',
      channel: '12345',
      category: 'red-envelopes-kickbacks',
      description: '张三丰说医生收了红包',
      complainant: { kind: 'named', subjectId: 'subj-42', identityCiphertext: 'sm4:abc' },
      institutionId: 'hosp-a1-1',
    });
    expect(received).toBe('赵监督员 受理投诉（12345热线转办，红包回扣），编号 ABCD-1234，被投诉单位 甲市第一人民医院');
    expect(received).not.toMatch(/张三丰|subj-42|sm4/);
    expect(
      say('ComplaintReceived', { ticketCode: 'X', channel: 'web', category: 'fees' }, { id: 'public', role: 'public', unit: 'public' }),
    ).toBe('投诉人网上提交投诉（网上投诉，收费问题），编号 X');
  });

  it('an ethics grade: the staff member by name and the grade in Chinese', () => {
    const data = {
      evaluationId: 'E1',
      institutionId: 'hosp-a1-1',
      year: 2025,
      staffId: 'staff-9',
      grade: 'good',
      provisionalGrade: 'excellent',
      finalScore: 88,
      downgradedByCap: true,
      passesPeriodicAssessment: true,
      finalisedBy: 'leader-city-a',
    };
    expect(say('EthicsEvaluationFinalised', data, LEADER)).toBe(
      '李局长 确定 2025 年度医德考评等次：钱医生 良好（88分），因优秀比例限制由优秀调整',
    );
    expect(
      say('EthicsEvaluationFinalised', { ...data, grade: 'poor', downgradedByCap: false, passesPeriodicAssessment: false }, LEADER),
    ).toBe('李局长 确定 2025 年度医德考评等次：钱医生 较差（88分），定期考核不合格');
  });

  it('a credit consequence: the measures in Chinese, a behaviour another context names in its words', () => {
    expect(
      say(
        'CreditMeasureImposed',
        { institutionId: 'hosp-a1-1', cycleNo: 1, thresholdPoints: 12, measures: ['summons', 'public-notice'], totalPoints: 13 },
        SYSTEM,
      ),
    ).toBe('本周期累计 13 分，达到 12 分档，采取措施：约谈负责人、通报');
    expect(
      say(
        'CreditPointsAdded',
        { institutionId: 'hosp-a1-1', cycleNo: 1, behaviour: 'listed-supervision', points: 4, summary: null, addedBy: 'system' },
        SYSTEM,
      ),
    ).toBe('系统 记不良执业行为分：挂牌督办 4 分，第1记分周期');
  });

  it('falls back to the id for people and units the directory does not know, and to a plain line for unreadable data', () => {
    expect(
      say('ComplaintDispatched', { round: 1, institutionId: 'hosp-zz', complexity: 'simple' }, { id: 'u-new', role: 'leader', unit: 'x' }),
    ).toBe('u-new 转办至 hosp-zz（一般件（单一部门，5个工作日））');
    expect(say('VisitPlanned', {})).toBe('赵监督员 记录 VisitPlanned');
    expect(say('SomethingNew', { a: 1 }, SYSTEM)).toBe('系统 记录 SomethingNew');
  });
});
