import { Actor } from '@bihuan/core';
import { at, cmd, history, hospital, inspector, system, T0, window } from '../inspection.fixtures';
import * as C from './finding.commands';
import { findingDecider } from './finding.decider';
import { FindingEvent } from './finding.events';

/** Finding test fixtures: one command builder per step, with the story's defaults. */
export const openData = {
  findingId: 'f-1',
  visitId: 'v-1',
  visitKind: 'unannounced' as const,
  institutionId: 'inst-1',
  category: 'red-envelopes' as const,
  severity: 'general' as const,
  description: '外科病房医生收受患者红包',
  evidence: ['att-1'],
  responsibleDepartment: '外科',
  responsiblePerson: '张主任',
  requiredAction: 'deadline' as const,
};

/** Digests of files the stories attach (64 hex digits, as the vault computes them). */
export const FINDING_PHOTO = 'a'.repeat(64);
export const PROGRESS_PHOTO = 'b'.repeat(64);
export const SIGN_OFF_SCAN = 'c'.repeat(64);
export const RECHECK_PHOTO = 'd'.repeat(64);

export const evidenceFile = (digest: string, name = '整改照片.jpg') => ({ digest, size: 2_400_000, mediaType: 'image/jpeg', name });

/** Rectify deadline: 15 working days ≈ 21 calendar days from T0, reminders at 50% and 80%. */
export const RECTIFY_DUE = at(21);
export const RECTIFY_WARN = [at(10), at(17)];

export const open = (data: Partial<C.OpenFinding['data']> = {}, actor: Actor = inspector) =>
  cmd<C.OpenFinding>('OpenFinding', { ...openData, ...data }, actor);
export const notice = (due = RECTIFY_DUE, warnAt = RECTIFY_WARN, now = T0) =>
  cmd<C.IssueRectificationNotice>(
    'IssueRectificationNotice',
    { findingId: 'f-1', noticeNo: '整改〔2025〕1号', deadline: window(now, due, 15, warnAt) },
    inspector,
    now,
  );
export const plan = (actor: Actor = hospital, now = at(1)) =>
  cmd<C.SubmitRectificationPlan>('SubmitRectificationPlan', { findingId: 'f-1', measures: '全院警示教育，签订廉洁承诺书' }, actor, now);
/** A file attached to the finding (by the hospital at its plan's time, unless told otherwise). */
export const attach = (step: string, digest: string, actor: Actor = hospital, now = at(2), note: string | null = null) =>
  cmd<C.AttachFindingEvidence>('AttachEvidence', { findingId: 'f-1', file: evidenceFile(digest), step, note }, actor, now);
/** The hospital's files its progress report and sign-off request cite (attached after the plan). */
export const rectificationFiles = (): C.FindingCommand[] => [attach('progress', PROGRESS_PHOTO), attach('signOff', SIGN_OFF_SCAN)];

export const progress = (evidence: string[] = [PROGRESS_PHOTO], actor: Actor = hospital, now = at(5)) =>
  cmd<C.ReportRectificationProgress>(
    'ReportRectificationProgress',
    { findingId: 'f-1', summary: '已召开警示教育会', evidence, percentComplete: 60 },
    actor,
    now,
  );
export const requestSignOff = (actor: Actor = hospital, now = at(8), evidence: string[] = [SIGN_OFF_SCAN]) =>
  cmd<C.RequestSignOff>('RequestSignOff', { findingId: 'f-1', summary: '整改完成', evidence }, actor, now);
export const signOff = (recheck: C.SignOffFinding['data']['recheck'] = null, actor: Actor = inspector, now = at(9)) =>
  cmd<C.SignOffFinding>('SignOffFinding', { findingId: 'f-1', comment: '同意销号', recheck }, actor, now);
export const reject = (actor: Actor = inspector, now = at(9)) =>
  cmd<C.RejectSignOff>('RejectSignOff', { findingId: 'f-1', reasons: ['缺少承诺书扫描件'] }, actor, now);
export const requestExtension = (id = 'x-1', actor: Actor = hospital, now = at(12), requestedDueAt = at(40)) =>
  cmd<C.RequestExtension>('RequestExtension', { findingId: 'f-1', extensionId: id, reason: '设备采购周期长', requestedDueAt }, actor, now);
export const approveExtension = (id = 'x-1', due = at(40), actor: Actor = inspector, now = at(13)) =>
  cmd<C.ApproveExtension>('ApproveExtension', { findingId: 'f-1', extensionId: id, deadline: window(now, due, 10) }, actor, now);
export const denyExtension = (id = 'x-1', actor: Actor = inspector, now = at(13)) =>
  cmd<C.DenyExtension>('DenyExtension', { findingId: 'f-1', extensionId: id, reason: '理由不充分' }, actor, now);
export const recheck = (
  outcome: 'passed' | 'reopened',
  now = at(100),
  deadline: C.RecordRecheck['data']['deadline'] = null,
  evidence: string[] = [],
) => cmd<C.RecordRecheck>('RecordRecheck', { findingId: 'f-1', outcome, notes: '回头看', evidence, deadline }, inspector, now);
export const withdraw = (actor: Actor = inspector, now = at(2)) =>
  cmd<C.WithdrawFinding>('WithdrawFinding', { findingId: 'f-1', reason: '误报' }, actor, now);
export const expire = (deadlineId: string, dueAt: string, now = dueAt, next?: C.SignOffFinding['data']['recheck']) =>
  cmd<C.FindingCommand & { type: 'ExpireDeadline' }>(
    'ExpireDeadline',
    next ? { deadlineId, dueAt, next } : { deadlineId, dueAt },
    system,
    now,
  );
export const warn = (deadlineId: string, warnAt: string, dueAt: string) =>
  cmd<C.FindingCommand & { type: 'WarnDeadline' }>('WarnDeadline', { deadlineId, warnAt, dueAt }, system, warnAt);

/** Events of a history of commands under the default policy. */
export const given = (...commands: C.FindingCommand[]): FindingEvent[] => history(findingDecider, commands);

/** A finding the hospital is rectifying (noticed, planned, progress reported), and one awaiting sign-off. */
export const working = given(open(), notice(), plan(), ...rectificationFiles(), progress());
export const requested = given(open(), notice(), plan(), ...rectificationFiles(), progress(), requestSignOff());
