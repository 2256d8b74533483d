import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCalendarImport } from './calendar-import';
import { CalendarImportError } from './calendar.errors';
import { CalendarProvider } from './calendar.provider';
import { InMemoryCalendarRepository } from './calendar.repository';
import { BUILT_IN_VERSION, BUILT_IN_YEARS, CHINESE_DAYS_VERSION, builtInCalendarData } from './chinese-days.data';

const example = (): Record<string, unknown> =>
  JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'cn-2027.example.json'), 'utf8')) as Record<string, unknown>;

function fieldOf(json: unknown): string | undefined {
  try {
    parseCalendarImport(json);
  } catch (error) {
    expect(error).toBeInstanceOf(CalendarImportError);
    return (error as CalendarImportError).details.field;
  }
  return undefined;
}

describe('parseCalendarImport', () => {
  it('accepts the example file', () => {
    const year = parseCalendarImport(example());
    expect(year.year).toBe(2027);
    expect(year.holidays['2027-01-01']).toBe('元旦');
    expect(year.makeupWorkdays['2027-02-20']).toBe('春节');
  });

  it.each<[string, (json: Record<string, unknown>) => unknown, string]>([
    ['not an object', () => [], '(root)'],
    ['unknown field', (j) => ({ ...j, makeupWorkday: {} }), 'makeupWorkday'],
    ['year not a number', (j) => ({ ...j, year: '2027' }), 'year'],
    ['year out of range', (j) => ({ ...j, year: 1900 }), 'year'],
    ['source missing', (j) => ({ year: j.year, holidays: j.holidays, makeupWorkdays: j.makeupWorkdays }), 'source'],
    ['holidays not an object', (j) => ({ ...j, holidays: ['2027-01-01'] }), 'holidays'],
    ['impossible date', (j) => ({ ...j, holidays: { '2027-02-30': '春节' } }), 'holidays.2027-02-30'],
    ['date in another year', (j) => ({ ...j, holidays: { '2026-12-31': '元旦' } }), 'holidays.2026-12-31'],
    ['empty name', (j) => ({ ...j, holidays: { '2027-01-01': ' ' } }), 'holidays.2027-01-01'],
    ['make-up on a weekday', (j) => ({ ...j, makeupWorkdays: { '2027-02-17': '春节' } }), 'makeupWorkdays.2027-02-17'],
    ['make-up also a holiday', (j) => ({ ...j, makeupWorkdays: { '2027-01-02': '元旦' } }), 'makeupWorkdays.2027-01-02'],
    ['no holidays', (j) => ({ ...j, holidays: {} }), 'holidays'],
  ])('rejects %s, naming the field', (_name, mutate, field) => {
    expect(fieldOf(mutate(example()))).toBe(field);
  });

  it('the built-in 2024–2026 data passes the same validation', () => {
    for (const year of BUILT_IN_YEARS.filter((y) => y.year >= 2024)) {
      expect(parseCalendarImport({ ...year })).toEqual(year);
    }
  });
});

describe('CalendarData versions and imports', () => {
  it('names the package version of the built-in data', () => {
    expect(CHINESE_DAYS_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
    expect(builtInCalendarData().version).toBe(`cn@chinese-days-${CHINESE_DAYS_VERSION}`);
    expect(builtInCalendarData().years()).toEqual(expect.arrayContaining([2024, 2025, 2026]));
  });

  it('an import adds +<year>@<hash>; same content keeps it, other content changes it', () => {
    const base = builtInCalendarData();
    const y2027 = parseCalendarImport(example());
    const once = base.withYear(y2027);
    expect(once.version).toMatch(new RegExp(`^${BUILT_IN_VERSION.replace(/\./g, '\\.')}\\+2027@[0-9a-f]{12}$`));
    expect(once.version).toBe(`${BUILT_IN_VERSION}+2027@15e6615f18a1`); // documented in docs/calendar.md
    expect(once.withYear(parseCalendarImport(example())).version).toBe(once.version);
    const corrected = once.withYear({ ...y2027, holidays: { ...y2027.holidays, '2027-04-06': '清明' } });
    expect(corrected.version).not.toBe(once.version);
    expect(corrected.version.split('+')).toHaveLength(2);
    const builtIn2026 = BUILT_IN_YEARS.find((y) => y.year === 2026);
    if (!builtIn2026) throw new Error('2026 must be built in');
    const with2026Fix = corrected.withYear({ ...builtIn2026, source: '国办发明电〔2025〕7号' });
    expect(with2026Fix.version).toMatch(/\+2026@[0-9a-f]{12}\+2027@[0-9a-f]{12}$/);
    expect(base.version).toBe(BUILT_IN_VERSION);
  });
});

describe('CalendarProvider', () => {
  it('given 2027 provisional, when the official year is imported, then later computations are official again', async () => {
    const repository = new InMemoryCalendarRepository();
    const provider = new CalendarProvider();
    const receipt = '2026-12-28T02:00:00.000Z';
    const provisional = provider.current().addWorkingDays(receipt, 5);
    expect(provisional.calendarVersion).toBe(`${BUILT_IN_VERSION}+provisional:2027@statutory-2025`);
    expect(provider.current().isProvisional(2027)).toBe(true);

    const calendar = await provider.importAndSave(parseCalendarImport(example()), repository);
    const deadline = calendar.addWorkingDays(receipt, 5);
    expect(deadline.dueAt).toBe('2027-01-05T15:59:59.999Z');
    expect(deadline.calendarVersion).toBe(`${BUILT_IN_VERSION}+2027@15e6615f18a1`);
    expect(calendar.isProvisional(2027)).toBe(false);
    expect(calendar.dayInfo('2027-01-04')).not.toHaveProperty('provisional');
    expect(provider.current()).toBe(calendar);

    const other = await CalendarProvider.fromRepository(repository);
    expect(other.current().version).toBe(calendar.version);
    expect(other.current().isProvisional(2027)).toBe(false);
  });
});
