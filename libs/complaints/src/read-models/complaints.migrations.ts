import { Kysely, sql } from 'kysely';
import { MigrationSet, NoTables, SqlDialectName } from '@bihuan/database';

/** Columns the tickets table gained after its first release: the calendar version of each due date. */
const CALENDAR_VERSION_COLUMNS = ['ack_calendar_version', 'answer_calendar_version', 'supervision_calendar_version'] as const;

/**
 * A data directory whose tickets table predates the calendar versions (created before they were
 * added, never opened since) gets them, as `addMissingColumns` did on every start. Only SQLite
 * files can be that old: a PostgreSQL database starts from this baseline.
 */
async function addCalendarVersions(db: Kysely<NoTables>, dialect: SqlDialectName): Promise<void> {
  if (dialect !== 'sqlite') return;
  const table = (await db.introspection.getTables()).find((t) => t.name === 'complaints_tickets');
  const existing = new Set(table?.columns.map((c) => c.name));
  for (const column of CALENDAR_VERSION_COLUMNS)
    if (!existing.has(column)) await db.schema.alterTable('complaints_tickets').addColumn(column, 'text').execute();
}

type Column = readonly [
  name: string,
  type: 'text' | 'integer',
  constraint?: 'primary key' | 'not null' | { readonly default: string | number },
];

/** The tickets table's columns in their historical order (the baseline must match existing files). */
const TICKET_COLUMNS: readonly Column[] = [
  ['ticket_id', 'text', 'primary key'],
  ...(['ticket_code', 'secret_hash', 'channel', 'category', 'description', 'complainant_kind'] as const).map((name): Column => [
    name,
    'text',
    'not null',
  ]),
  ['subject_id', 'text'],
  ['staff_id', 'text'],
  ['external_reference', 'text'],
  ['receiving_unit', 'text', 'not null'],
  ['concerned_institution_id', 'text'],
  ['institution_id', 'text'],
  ['department_ids', 'text', { default: '[]' }],
  ['complexity', 'text'],
  ['round', 'integer', { default: 0 }],
  ['status', 'text', 'not null'],
  ['received_at', 'text', 'not null'],
  ['resolution', 'text'],
  ['dispatched_at', 'text'],
  ['acknowledged_at', 'text'],
  ['ack_due_at', 'text'],
  ['ack_calendar_version', 'text'],
  ['ack_on_time', 'integer'],
  ['ack_overdue', 'integer', { default: 0 }],
  ['answer_due_at', 'text'],
  ['answer_calendar_version', 'text'],
  ['answer_overdue', 'integer', { default: 0 }],
  ...(['decided_at', 'decision', 'findings', 'implicated_staff_id', 'answered_at', 'answer'] as const).map((name): Column => [
    name,
    'text',
  ]),
  ['answer_on_time', 'integer'],
  ...(
    [
      'followed_up_at',
      'rating',
      'rating_source',
      'closed_at',
      'close_outcome',
      'close_reason',
      'declined_at',
      'decline_ground',
      'decline_reason',
      'waiting_since',
      'supervised_at',
      'supervision_due_at',
      'supervision_calendar_version',
      'publicly_noticed_at',
    ] as const
  ).map((name): Column => [name, 'text']),
  ...(['extension_pending', 'reminders', 'returns', 'reopens'] as const).map((name): Column => [name, 'integer', { default: 0 }]),
  ['last_return_reason', 'text'],
  ['updated_at', 'text', 'not null'],
];

async function createTickets(db: Kysely<NoTables>): Promise<void> {
  let table = db.schema.createTable('complaints_tickets').ifNotExists();
  for (const [name, type, constraint] of TICKET_COLUMNS)
    table = table.addColumn(name, type, (c) =>
      constraint === undefined
        ? c
        : constraint === 'primary key'
          ? c.primaryKey()
          : constraint === 'not null'
            ? c.notNull()
            : c.notNull().defaultTo(constraint.default),
    );
  await table.execute();
  const indexes = [
    ['complaints_tickets_code', ['ticket_code']],
    ['complaints_tickets_institution', ['institution_id', 'received_at']],
    ['complaints_tickets_received', ['received_at']],
    ['complaints_tickets_subject', ['subject_id']],
  ] as const;
  for (const [name, columns] of indexes)
    await db.schema
      .createIndex(name)
      .ifNotExists()
      .on('complaints_tickets')
      .columns([...columns])
      .execute();
}

/**
 * The complaints read model's schema (owner `complaints`). The baseline is the tables and indexes
 * as `ensureComplaintsSchema` made them, with `ifNotExists`, so an existing data directory adopts
 * it unchanged.
 */
export const COMPLAINTS_MIGRATIONS: MigrationSet = {
  owner: 'complaints',
  migrations: {
    '0001-baseline': async (db, dialect) => {
      await createTickets(db);
      await addCalendarVersions(db, dialect);
      await db.schema
        .createTable('complaints_steps')
        .ifNotExists()
        .addColumn('ticket_id', 'text', (c) => c.notNull())
        .addColumn('round', 'integer', (c) => c.notNull())
        .addColumn('step', 'text', (c) => c.notNull())
        .addColumn('institution_id', 'text')
        .addColumn('due_at', 'text')
        .addColumn('done_at', 'text')
        .addColumn('on_time', 'integer')
        .addColumn('expired', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('complaints_steps_pkey', ['ticket_id', 'round', 'step'])
        .execute();
      await db.schema
        .createTable('complaints_history')
        .ifNotExists()
        // Log positions: on SQLite INTEGER PRIMARY KEY (the rowid, as before); on PostgreSQL 64 bits.
        .addColumn('position', dialect === 'postgres' ? 'bigint' : 'integer', (c) => c.primaryKey())
        .addColumn('ticket_id', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text', (c) => c.notNull())
        .addColumn('actor_role', 'text', (c) => c.notNull())
        .addColumn('actor_unit', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('complaints_history_ticket')
        .ifNotExists()
        .on('complaints_history')
        .columns(['ticket_id', 'position'])
        .execute();
    },
    // 首诉负责 at a hospital (issue 22): the unit that first received a ticket — a hospital keeps
    // reading what it escalated — and the escalation. Every ticket before this was received where
    // it is owned now, so `received_by` starts as the receiving unit.
    '0002-received-by-and-escalation': async (db) => {
      for (const column of ['received_by', 'escalated_at', 'escalation_reason'])
        await db.schema.alterTable('complaints_tickets').addColumn(column, 'text').execute();
      // 1 when an institution's complaint office received it: the statistics count them apart.
      await db.schema
        .alterTable('complaints_tickets')
        .addColumn('received_at_institution', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await sql`UPDATE complaints_tickets SET received_by = receiving_unit`.execute(db);
      await db.schema.createIndex('complaints_tickets_received_by').ifNotExists().on('complaints_tickets').column('received_by').execute();
    },
  },
};
