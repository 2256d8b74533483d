import { Command, Decider, DomainEvent, EventTypes } from '@bihuan/core';
import { formatDocumentNo } from './document-number-format';

/**
 * Stream category of number registers: `docNumber-<unitId>-<year>` for 执法文书 (a finding's notices),
 * `docNumber-<unitId>-<year>-<series>` for another series (PUBLIC_NOTICE_SERIES); one gap-free sequence each.
 */
export const DOC_NUMBER_STREAM_CATEGORY = 'docNumber';

/** The register's `kind` for a public notice (通报 · 公示, @bihuan/notices); a finding's notices use their NoticeKind. */
export const PUBLIC_NOTICE_DOCUMENT_KIND = 'public-notice';
/** The series public notices are numbered in, apart from 执法文书 (documents policy `publicNoticeNumberFormat`). */
export const PUBLIC_NOTICE_SERIES = 'notice';

/** Takes the next number of the register, for a notice about to be issued. */
export type AssignDocumentNumber = Command<
  'AssignDocumentNumber',
  {
    readonly unitId: string;
    readonly year: number;
    readonly format: string;
    readonly unitShort: string;
    readonly unitName: string;
    /** What the number is for: a finding's notice (findingId, its kind), or a public notice (noticeId, kind `public-notice`). */
    readonly findingId?: string;
    readonly noticeId?: string;
    readonly kind: string;
    /** A series other than 执法文书 (PUBLIC_NOTICE_SERIES); absent for a finding's notices. */
    readonly series?: string;
  }
>;

/** A taken number whose notice could not be recorded (the finding refused it): accounted for, never reused. */
export type VoidDocumentNumber = Command<'VoidDocumentNumber', { readonly n: number; readonly reason: string }>;

export type DocumentNumberAssigned = DomainEvent<
  'DocumentNumberAssigned',
  {
    readonly unitId: string;
    readonly year: number;
    readonly n: number;
    readonly documentNo: string;
    readonly findingId?: string;
    readonly noticeId?: string;
    readonly kind: string;
    readonly series?: string;
    readonly assignedBy: string;
  }
>;

export type DocumentNumberVoided = DomainEvent<
  'DocumentNumberVoided',
  { readonly n: number; readonly documentNo: string; readonly reason: string; readonly voidedBy: string }
>;

export type DocumentNumberCommand = AssignDocumentNumber | VoidDocumentNumber;
export type DocumentNumberEvent = DocumentNumberAssigned | DocumentNumberVoided;
export const DOCUMENT_NUMBER_EVENTS: EventTypes<DocumentNumberEvent> = { DocumentNumberAssigned: true, DocumentNumberVoided: true };

export interface DocumentNumberState {
  readonly last: number;
  readonly numbers: Readonly<Record<number, { readonly documentNo: string; readonly voided: boolean }>>;
}

/**
 * The register of one unit's numbers in one year. Every number is assigned exactly once, in order,
 * by an append at the exact expected revision (a concurrent issue retries on the new state), so
 * the sequence has no gap and no duplicate; a number whose notice failed is voided, not reused.
 */
export const documentNumberDecider: Decider<DocumentNumberCommand, DocumentNumberEvent, DocumentNumberState> = {
  initialState: { last: 0, numbers: {} },
  evolve(state, event) {
    if (event.type === 'DocumentNumberAssigned') {
      return { last: event.data.n, numbers: { ...state.numbers, [event.data.n]: { documentNo: event.data.documentNo, voided: false } } };
    }
    const voided = state.numbers[event.data.n];
    return voided ? { ...state, numbers: { ...state.numbers, [event.data.n]: { ...voided, voided: true } } } : state;
  },
  decide(command, state) {
    const by = command.metadata.actor.id;
    if (command.type === 'VoidDocumentNumber') {
      const number = state.numbers[command.data.n];
      if (!number || number.voided) return [];
      return [
        {
          type: 'DocumentNumberVoided',
          data: { n: command.data.n, documentNo: number.documentNo, reason: command.data.reason, voidedBy: by },
        },
      ];
    }
    const { unitId, year, format, unitShort, unitName, findingId, noticeId, kind, series } = command.data;
    const n = state.last + 1;
    const documentNo = formatDocumentNo(format, { unitShort, unitName, year, n });
    const subject = { ...(findingId !== undefined ? { findingId } : {}), ...(noticeId !== undefined ? { noticeId } : {}) };
    const inSeries = series !== undefined ? { series } : {};
    return [{ type: 'DocumentNumberAssigned', data: { unitId, year, n, documentNo, ...subject, kind, ...inSeries, assignedBy: by } }];
  },
};
