import { Actor, Command, fold } from '@bihuan/core';
import { publicNoticeDecider } from './public-notice.decider';
import {
  DraftPublicNotice,
  MarkPublicNoticeCorrected,
  NoticeContent,
  PublicNoticeCommand,
  PublicNoticeEvent,
  PublishPublicNotice,
} from './public-notice.messages';

/** Test fixtures (not exported from the lib): actors, instants, command builders. */
export const T0 = '2025-04-01T02:00:00.000Z';
export const T1 = '2025-04-02T02:00:00.000Z';

export const leader: Actor = { id: 'u-leader-1', role: 'leader', unit: 'city-1' };
export const inspector: Actor = { id: 'u-inspector-1', role: 'inspector', unit: 'city-1' };
export const hospital: Actor = { id: 'u-hospital-1', role: 'hospital', unit: 'inst-1' };

let counter = 0;
export function cmd<C extends PublicNoticeCommand>(type: C['type'], data: C['data'], actor: Actor = leader, now: string = T0): C {
  counter += 1;
  return { type, data, metadata: { commandId: `cmd-${counter}`, correlationId: 'corr-1', causationId: null, actor, now } } as C;
}

export const draftData = (change: Partial<DraftPublicNotice['data']> = {}): DraftPublicNotice['data'] => ({
  noticeId: 'n-1',
  issuingUnitId: 'city-1',
  kind: 'complaint-statistics',
  period: { from: '2025-03-01', to: '2025-03-31' },
  campaignId: null,
  title: '关于2025年3月投诉举报办理情况的通报',
  preface: '现将2025年3月全市医疗机构投诉举报办理情况通报如下。',
  corrects: null,
  withdraw: false,
  ...change,
});

export const draft = (change: Partial<DraftPublicNotice['data']> = {}, actor: Actor = leader) =>
  cmd<DraftPublicNotice>('DraftPublicNotice', draftData(change), actor);

export const CONTENT: NoticeContent = {
  kind: 'complaint-statistics',
  title: '关于2025年3月投诉举报办理情况的通报',
  documentNo: '甲卫健监整〔2025〕1号',
  issuingUnitName: '甲市卫生健康委员会',
  issuedOn: '2025-04-01',
  asOf: T0,
  preface: ['现将2025年3月全市医疗机构投诉举报办理情况通报如下。'],
  corrects: null,
  tables: [
    {
      title: '投诉举报办理情况（按单位）',
      subtitle: null,
      columns: ['序号', '单位名称', '受理件数'],
      rows: [['1', '甲市第一人民医院', '2']],
      totals: ['合计', '', '2'],
    },
  ],
  notes: [],
};

export const publish = (change: Partial<PublishPublicNotice['data']> = {}, actor: Actor = leader, now: string = T0) =>
  cmd<PublishPublicNotice>(
    'PublishPublicNotice',
    {
      noticeId: 'n-1',
      revision: 0,
      documentNo: '甲卫健监整〔2025〕1号',
      content: CONTENT,
      digest: 'a'.repeat(64),
      documentDigest: 'b'.repeat(64),
      layoutVersion: 1,
      publicity: { class: 'adverse', until: '2030-04-01T02:00:00.000Z', policyVersion: 'credit@1' },
      ...change,
    },
    actor,
    now,
  );

export const markCorrected = (correctionNoticeId = 'n-2', withdraw = false, actor: Actor = leader) =>
  cmd<MarkPublicNoticeCorrected>('MarkPublicNoticeCorrected', { noticeId: 'n-1', correctionNoticeId, withdraw }, actor, T1);

/** Runs commands through the decider and returns every event, to build `given` histories. */
export function history(commands: readonly Command[]): PublicNoticeEvent[] {
  const events: PublicNoticeEvent[] = [];
  for (const command of commands)
    events.push(...publicNoticeDecider.decide(command as PublicNoticeCommand, fold(publicNoticeDecider, events)));
  return events;
}
