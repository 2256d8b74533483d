import { Generated } from 'kysely';

/**
 * Read-model tables of the complaints context (prefix `complaints_`), as Kysely sees them; made by
 * COMPLAINTS_MIGRATIONS. Disposable: rebuilt from the log by the `complaints-tickets` projection.
 * They never hold a complainant's identity (only the subject id, for admin look-ups) nor the
 * ciphertext. Booleans are 0/1 integers on both engines.
 */
export type ComplaintTicketsTable = {
  ticket_id: string;
  ticket_code: string;
  secret_hash: string;
  channel: string;
  category: string;
  description: string;
  complainant_kind: string;
  subject_id: string | null;
  staff_id: string | null;
  external_reference: string | null;
  receiving_unit: string;
  /** The unit that first received it (首诉负责): the receiving unit unless a hospital escalated it. */
  received_by: string | null;
  /** 1 when an institution's own complaint office received it (role hospital), else 0. */
  received_at_institution: Generated<number>;
  escalated_at: string | null;
  escalation_reason: string | null;
  concerned_institution_id: string | null;
  institution_id: string | null;
  /** JSON array of department ids. */
  department_ids: Generated<string>;
  complexity: string | null;
  round: Generated<number>;
  status: string;
  received_at: string;
  resolution: string | null;
  dispatched_at: string | null;
  acknowledged_at: string | null;
  ack_due_at: string | null;
  ack_calendar_version: string | null;
  ack_on_time: number | null;
  ack_overdue: Generated<number>;
  answer_due_at: string | null;
  answer_calendar_version: string | null;
  answer_overdue: Generated<number>;
  decided_at: string | null;
  decision: string | null;
  findings: string | null;
  implicated_staff_id: string | null;
  answered_at: string | null;
  answer: string | null;
  answer_on_time: number | null;
  followed_up_at: string | null;
  rating: string | null;
  rating_source: string | null;
  closed_at: string | null;
  close_outcome: string | null;
  close_reason: string | null;
  declined_at: string | null;
  decline_ground: string | null;
  decline_reason: string | null;
  waiting_since: string | null;
  supervised_at: string | null;
  supervision_due_at: string | null;
  supervision_calendar_version: string | null;
  publicly_noticed_at: string | null;
  extension_pending: Generated<number>;
  reminders: Generated<number>;
  returns: Generated<number>;
  reopens: Generated<number>;
  last_return_reason: string | null;
  updated_at: string;
};

/** One row per round and timed step (acknowledge, answer): what the on-time rates count. */
export type ComplaintStepsTable = {
  ticket_id: string;
  round: number;
  step: string;
  institution_id: string | null;
  due_at: string | null;
  done_at: string | null;
  on_time: number | null;
  expired: Generated<number>;
};

/** Each event of a ticket as its history shows it (never the identity, the secret hash or a policy). */
export type ComplaintHistoryTable = {
  position: number;
  ticket_id: string;
  type: string;
  at: string;
  actor_id: string;
  actor_role: string;
  actor_unit: string;
  /** JSON of `historyData`. */
  data: string;
};

export type ComplaintsTables = {
  complaints_tickets: ComplaintTicketsTable;
  complaints_steps: ComplaintStepsTable;
  complaints_history: ComplaintHistoryTable;
};

export const COMPLAINTS_TABLES = ['complaints_tickets', 'complaints_steps', 'complaints_history'] as const;
