import { TestApp } from '../test-app';
import { headersFor, statusProblem, verdict } from './matrix-expect';
import { responseText, scanMarkers, Violations } from './matrix-report';
import { DeclaredRoute } from './matrix-routes';
import { inScope, READERS, Reader } from './matrix-scope';
import { Seed } from './matrix-seed';
import { fill } from './matrix-targets';
import { Row } from './matrix-table';

/**
 * Process streams belong to the case they serve: the stream they name after their category.
 * A category missing here (or below) fails the matrix, so a new kind of stream needs its owner rule.
 */
const PROCESS: Readonly<Record<string, (rest: string) => string>> = {
  deadlineTimers: (rest) => rest,
  complaintConsequences: (rest) => `complaintTicket-${rest}`,
  visitClosure: (rest) => `visit-${rest}`,
  findingOpening: (rest) => `visit-${rest}`,
  creditConsequences: (rest) => rest.replace('.', '-'),
  creditThresholds: (rest) => `creditArchive-${rest.slice(0, rest.lastIndexOf('.'))}`,
  randomDrawVisits: (rest) => `randomDraw-${rest}`,
  reportDuties: (rest) => `campaign-${rest}`,
};
/** Streams whose names are public by design (none today: a draw's stream is its jurisdiction's until revealed, ADR 0018). */
const PUBLISHED: readonly string[] = [];
/** Streams that belong to no unit (the directory of all units and people). */
const NOT_UNIT_OWNED = ['directory-main'];
const CASES = [
  'creditArchive',
  'creditPoints',
  'ethicsArchive',
  'ethicsEvaluation',
  'visit',
  'finding',
  'complaintTicket',
  'randomDraw',
  'campaign',
  'reportDuty',
  'creditSubject',
  'publicNotice',
  'docNumber',
  'referral',
];
/** Exchanges with partner agencies: never a hospital's to read, whoever's case they are about (issue 22, item 4). */
const NOT_FOR_HOSPITALS = /^(referral|lead|deadlineTimers-referral)-/;

/**
 * The unit a case stream belongs to, from its first event: a draw's jurisdiction, a seeded campaign's
 * one institution, an applicant's office (each seeded applicant is met by one office only), a notice's
 * issuing unit, a number register's unit.
 */
function ownerOf(category: string, data: Record<string, unknown>): string {
  if (category === 'randomDraw') return String(data['jurisdiction']);
  if (category === 'creditSubject') return String(data['registeredIn']);
  if (category === 'campaign') return String((data['institutionIds'] as string[] | undefined)?.[0] ?? '');
  if (category === 'publicNotice') return String(data['issuingUnitId']);
  if (category === 'docNumber') return String(data['unitId']);
  return String(data['institutionId'] ?? '');
}

/** The unit each stream of the log belongs to (a complaint: its current assignee, from the seed). */
export async function streamOwners(t: TestApp, seed: Seed, v: Violations): Promise<Map<string, string>> {
  const first = new Map<string, Record<string, unknown>>();
  for (const e of await t.store.readAll()) if (!first.has(e.streamName)) first.set(e.streamName, e.data as Record<string, unknown>);
  const tickets = new Map(Object.entries(seed.sites).map(([i, s]) => [`complaintTicket-${s.ticketId}`, i]));
  tickets.set(`complaintTicket-${seed.redispatched.ticketId}`, seed.redispatched.to);
  // A lead's ticket is received by the commission it went to, and not dispatched in the seed.
  for (const lead of seed.leads) tickets.set(`complaintTicket-${lead.ticketId}`, lead.toUnit);
  const owner = (stream: string): string | null => {
    const dash = stream.indexOf('-');
    const category = stream.slice(0, dash);
    const process = PROCESS[category];
    if (process) return owner(process(stream.slice(dash + 1)));
    const data = first.get(stream) ?? {};
    // An external reference's claim serves the ticket that holds it; a lead belongs to the commission it went to.
    if (category === 'complaintReference') return owner(`complaintTicket-${String(data['ticketId'])}`);
    if (category === 'lead') return String(data['toUnit']);
    if (!CASES.includes(category)) return null;
    return tickets.get(stream) ?? ownerOf(category, data);
  };
  const owners = new Map<string, string>();
  for (const stream of first.keys()) {
    // The directory is no case of a unit: its audit readers are the audit registry's declaration
    // (directoryVisibility: admins and leaders, each event by the unit it names), proven in
    // e2e/security/delegated-admin.e2e.spec.ts, not a unit's scope.
    if (NOT_UNIT_OWNED.includes(stream)) continue;
    const unit = owner(stream);
    if (unit) owners.set(stream, unit);
    else v.add('audit-stream-without-owner-rule', `${stream}: add its category to matrix-audit.ts`);
  }
  return owners;
}

/** Commission visits not carried out (planned or cancelled): they do not exist for the hospital they target (暗访). */
async function notYetVisits(t: TestApp): Promise<Set<string>> {
  const planned = new Set<string>();
  for (const e of await t.store.readAll()) {
    if (e.type === 'VisitPlanned' && (e.data as { kind?: string }).kind !== 'self') planned.add(e.streamName);
    if (e.type === 'VisitConducted') planned.delete(e.streamName);
  }
  return planned;
}

/** Out-of-scope stream names in an audit answer (access log, integrity, linked streams). */
function scanStreams(v: Violations, owners: Map<string, string>, reader: Reader, text: string, where: string): void {
  for (const [stream, unit] of owners) {
    if (PUBLISHED.some((c) => stream.startsWith(`${c}-`))) continue;
    if (!inScope(reader, unit) && text.includes(stream))
      v.add('audit-names-out-of-scope-stream', `${where}: ${reader.id} sees ${stream} (of ${unit})`);
  }
}

/** Every stream of the log on every /audit/cases route, for every reader; then the log-wide audit views. */
export async function checkAudit(t: TestApp, seed: Seed, routes: readonly [DeclaredRoute, Row][], v: Violations): Promise<number> {
  const owners = await streamOwners(t, seed, v);
  const hiddenFromHospitals = await notYetVisits(t);
  let requests = 0;
  for (const [route, row] of routes) {
    if (row.target !== 'stream') continue;
    // The plain read, then each role-restricted switch (refused to the roles it does not name).
    const variants = [{ query: '', roles: null }, ...(row.roleQueries ?? [])];
    // A switch refused by role is refused before any stream is read: once per category and reader proves it.
    const refusedSwitch = new Set<string>();
    for (const [stream, unit] of owners) {
      const target = { label: stream, unit, params: { stream } };
      for (const { query, roles } of variants)
        for (const reader of READERS) {
          const switchRefused = roles !== null && !(reader.actor && roles.includes(reader.actor.role));
          const once = `${query} ${stream.slice(0, stream.indexOf('-'))} ${reader.id}`;
          if (switchRefused && refusedSwitch.has(once)) continue;
          refusedSwitch.add(once);
          const res = await t.http.get(fill(route.path.replace('{stream}', stream), row.params ?? {}) + query).set(headersFor(t, reader));
          requests++;
          const decided = verdict(route, row, reader, target);
          const rel = decided.rel;
          const hidden = reader.actor?.role === 'hospital' && (hiddenFromHospitals.has(stream) || NOT_FOR_HOSPITALS.test(stream));
          const expected = hidden || switchRefused ? 'refused' : decided.verdict;
          const where = `${route.key}${query} ${stream} of ${unit} (${rel})`;
          const problem = statusProblem(expected, res, row);
          if (problem) v.add(expected === 'refused' ? 'audit-stream-not-refused' : 'audit-status', `${where} as ${reader.id}: ${problem}`);
          const text = await responseText(res, row.format);
          scanMarkers(v, seed.book, reader, text, where, row.format);
          if (res.status < 300) scanStreams(v, owners, reader, text, where);
        }
    }
  }
  for (const path of ['/audit/access-log', '/audit/integrity']) {
    for (const reader of READERS) {
      const res = await t.http.get(path).set(headersFor(t, reader));
      requests++;
      if (res.status < 300) scanStreams(v, owners, reader, res.text, `GET ${path}`);
    }
  }
  return requests;
}
