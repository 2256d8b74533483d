import { Actor } from '@bihuan/core';

/**
 * What was done with personal data: `reveal` (an explicit read of the identity), `view` (the
 * identity shown inside a case screen or dossier, full or masked), `export` (a dossier that
 * may contain it left the system), `erase` (the subject's key was destroyed).
 */
export const ACCESS_ACTIONS = ['reveal', 'view', 'export', 'erase'] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];

/** The actions as the admin's access log shows them (catalogue `accessLogActions`, with the audit's `asOf`). */
export const ACCESS_ACTION_LABELS: Readonly<Record<AccessAction, string>> = {
  reveal: '查看身份信息',
  view: '查看',
  export: '导出',
  erase: '删除个人信息',
};

/**
 * `granted`: shown in full / done; `masked`: shown masked; `denied`: refused by role or scope;
 * `erased`: allowed, but the key was already gone (nothing shown); `failed`: allowed, but the
 * ciphertext did not authenticate or the key was missing (nothing shown).
 */
export const ACCESS_OUTCOMES = ['granted', 'masked', 'denied', 'erased', 'failed'] as const;
export type AccessOutcome = (typeof ACCESS_OUTCOMES)[number];

/** Catalogue `accessOutcomes`. */
export const ACCESS_OUTCOME_LABELS: Readonly<Record<AccessOutcome, string>> = {
  granted: '已准许',
  masked: '已脱敏',
  denied: '已拒绝',
  erased: '已删除（无可显示）',
  failed: '读取失败',
};

export interface AccessRecord {
  /** ISO-8601 instant of the access. */
  readonly at: string;
  readonly reader: Actor;
  readonly action: AccessAction;
  /** The data subject, or null for an export that concerns a case rather than one person. */
  readonly subjectId: string | null;
  /** The case stream the data was read for (`complaintTicket-…`), or null. */
  readonly caseStream: string | null;
  /** Why the reader needed it (required: no purpose, no read). */
  readonly purpose: string;
  readonly outcome: AccessOutcome;
}

/** A stored record with its place in the SM3 chain. */
export interface AccessLogEntry extends AccessRecord {
  /** 1, 2, 3 … without gaps. */
  readonly seq: number;
  /** Hash of the previous entry; null for the first. */
  readonly prevHash: string | null;
  /** SM3 over the canonical JSON of this entry without `hash` (see `hashAccessEntry`). */
  readonly hash: string;
}

export interface AccessLogQuery {
  readonly subjectId?: string;
  readonly readerId?: string;
  readonly action?: AccessAction;
  /** Inclusive lower bound on `at` (ISO-8601). */
  readonly from?: string;
  /** Exclusive upper bound on `at` (ISO-8601). */
  readonly to?: string;
  /** Default 100, at most 1000. */
  readonly limit?: number;
  readonly offset?: number;
}

export type AccessLogVerification =
  | { readonly ok: true; readonly count: number; readonly lastSeq: number; readonly lastHash: string | null }
  | { readonly ok: false; readonly count: number; readonly brokenAt: number; readonly reason: string };

/**
 * The record of every read of personal data (issue 7, item 5). Append-only: there is no update
 * or delete, and entries form an SM3 hash chain so an edited, removed or inserted row — or a cut
 * tail, checked against the stored head — is found by `verify()`. Recording happens BEFORE the
 * data is handed out: if it fails, the read fails (fail closed).
 */
export interface AccessLog {
  record(record: AccessRecord): Promise<AccessLogEntry>;
  /** Entries in log order (oldest first) matching every given filter. */
  list(query?: AccessLogQuery): Promise<AccessLogEntry[]>;
  verify(): Promise<AccessLogVerification>;
  close(): Promise<void>;
}

/** Nest/DI token for the AccessLog. */
export const ACCESS_LOG = Symbol('ACCESS_LOG');
