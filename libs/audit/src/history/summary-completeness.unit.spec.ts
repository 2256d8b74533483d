import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as complaints from '@bihuan/complaints';
import * as core from '@bihuan/core';
import * as campaigns from '@bihuan/campaigns';
import * as notices from '@bihuan/notices';
import * as credit from '@bihuan/credit';
import * as directory from '@bihuan/directory';
import * as documents from '@bihuan/documents';
import * as identity from '@bihuan/identity';
import * as ethics from '@bihuan/ethics';
import * as inspection from '@bihuan/inspection';
import * as platform from '@bihuan/platform';
import * as processing from '@bihuan/processing';
import { SUMMARY_CATALOGUES, eventSummaries } from './summary-catalogues';
import { EventSummaryRegistry } from './summary-registry';

/**
 * Issue 17, items 3 and 7: a test fails when an event type lacks a summary. The compiler already
 * refuses a catalogue that misses a type of its union (EventSummaries<E>); this spec checks at
 * run time what the compiler cannot: every event-type list each context exports (`*_EVENTS`, found
 * by scanning the libraries' exports, so a new list is checked without editing this file), and
 * the complaints catalogue in docs/events, whose union has no runtime list.
 */
const LIBRARIES: Readonly<Record<string, object>> = {
  core,
  processing,
  platform,
  inspection,
  complaints,
  ethics,
  credit,
  campaigns,
  notices,
  documents,
  directory,
  identity,
};

/** `{ Type: true, … }` (EventTypes) or `['Type', …]`: the type names a list holds, none for anything else. */
function typeNames(value: object): string[] {
  if (Array.isArray(value)) return value.every((v) => typeof v === 'string' && /^[A-Z]/.test(v)) ? (value as string[]) : [];
  const values = Object.values(value);
  return values.length > 0 && values.every((v) => v === true) ? Object.keys(value) : [];
}

/** Exported `{ Type: true, … }` lists: the runtime form of `EventTypes<E>`. */
function exportedEventLists(): { name: string; types: string[] }[] {
  return Object.entries(LIBRARIES).flatMap(([lib, exports]) =>
    Object.entries(exports as Record<string, unknown>)
      .filter(([name, value]) => /_EVENTS$|_EVENT_TYPES$|^WORKFLOW_RECORDS$/.test(name) && typeof value === 'object' && value !== null)
      .map(([name, value]) => ({ name: `${lib}.${name}`, types: typeNames(value as object) }))
      .filter((list) => list.types.length > 0),
  );
}

/** Event names in the first column of the "## Event data" table of a docs/events catalogue. */
function documentedEvents(file: string): string[] {
  const text = readFileSync(join(__dirname, '../../../../docs/events', file), 'utf8');
  const section = text.split(/^## /m).find((s) => s.startsWith('Event data')) ?? '';
  return [...section.matchAll(/^\| ([A-Z][A-Za-z]+) \|/gm)].map((m) => m[1]!);
}

describe('every event type has a Chinese summary', () => {
  const registry = eventSummaries();
  const lists = exportedEventLists();

  it('finds the event-type lists of every context at run time', () => {
    const names = lists.map((l) => l.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'core.DEADLINE_EVENTS',
        'processing.WORKFLOW_RECORDS',
        'platform.CALENDAR_EVENTS',
        'inspection.FINDING_EVENTS',
        'inspection.VISIT_EVENTS',
        'ethics.ETHICS_ARCHIVE_EVENTS',
        'ethics.ETHICS_EVALUATION_EVENTS',
        'credit.CREDIT_ARCHIVE_EVENTS',
        'credit.CREDIT_POINTS_EVENTS',
        'credit.RANDOM_DRAW_EVENTS',
        'campaigns.CAMPAIGN_EVENTS',
        'notices.PUBLIC_NOTICE_EVENTS',
      ]),
    );
  });

  it('summarises every type of every exported list', () => {
    const missing = lists.flatMap((l) => l.types.filter((t) => !registry.has(t)).map((t) => `${l.name}: ${t}`));
    expect(missing).toEqual([]);
  });

  it('summarises every complaint event the catalogue documents', () => {
    const documented = documentedEvents('complaints.md');
    expect(documented.length).toBeGreaterThanOrEqual(20);
    expect(documented.filter((t) => !registry.has(t))).toEqual([]);
  });

  it('folds exactly the bookkeeping: workflow records and deadline timers, never a case step', () => {
    for (const t of [...core.DEADLINE_EVENT_TYPES, ...Object.keys(processing.WORKFLOW_RECORDS)])
      expect(registry.isBookkeeping(t)).toBe(true);
    for (const t of ['FindingOpened', 'RectificationNoticeIssued', 'ComplaintDecided', 'EthicsEvaluationFinalised', 'CreditMeasureImposed'])
      expect(registry.isBookkeeping(t)).toBe(false);
  });

  it('gives each type one home: two catalogues claiming a type are refused', () => {
    expect(() => new EventSummaryRegistry([...SUMMARY_CATALOGUES, core.DEADLINE_SUMMARY_CATALOGUE])).toThrow(
      /DeadlineSet is summarised by both core and core/,
    );
  });
});
