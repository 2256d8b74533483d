import { CalendarImportError } from './calendar.errors';
import { parseHolidayRuleSet } from './holiday-rules';
import { STATUTORY_RULE_SETS } from './statutory-rule-sets';

const valid = (): Record<string, unknown> =>
  JSON.parse(JSON.stringify(STATUTORY_RULE_SETS.find((s) => s.id === 'statutory-2025'))) as Record<string, unknown>;

function fieldOf(json: unknown): string | undefined {
  try {
    parseHolidayRuleSet(json);
  } catch (error) {
    expect(error).toBeInstanceOf(CalendarImportError);
    return (error as CalendarImportError).details.field;
  }
  return undefined;
}

describe('parseHolidayRuleSet', () => {
  it('given the built-in statutory-2025 as JSON, then it reads back unchanged (a rule set is plain data)', () => {
    expect(parseHolidayRuleSet(valid())).toEqual(STATUTORY_RULE_SETS.find((s) => s.id === 'statutory-2025'));
  });

  const holiday = (anchor: unknown, days = 1) => ({ name: '测试', anchor, days });
  it.each<[string, (j: Record<string, unknown>) => unknown, string]>([
    ['not an object', () => 'x', '(root)'],
    ['unknown field', (j) => ({ ...j, holiday: [] }), 'holiday'],
    ['bad id', (j) => ({ ...j, id: 'Statutory 2025' }), 'id'],
    ['effectiveFrom not a year', (j) => ({ ...j, effectiveFrom: '2025' }), 'effectiveFrom'],
    ['no holidays', (j) => ({ ...j, holidays: [] }), 'holidays'],
    ['impossible solar date', (j) => ({ ...j, holidays: [holiday({ kind: 'solar', month: 2, day: 30 })] }), 'holidays[0].anchor.day'],
    ['lunar month 13', (j) => ({ ...j, holidays: [holiday({ kind: 'lunar', month: 13, day: 1 })] }), 'holidays[0].anchor.month'],
    ['unknown solar term', (j) => ({ ...j, holidays: [holiday({ kind: 'solar-term', term: '冬至' })] }), 'holidays[0].anchor.term'],
    ['unknown anchor kind', (j) => ({ ...j, holidays: [holiday({ kind: 'islamic' })] }), 'holidays[0].anchor.kind'],
    ['zero days', (j) => ({ ...j, holidays: [holiday({ kind: 'solar', month: 1, day: 1 }, 0)] }), 'holidays[0].days'],
    ['unknown 补假 rule', (j) => ({ ...j, substitute: { kind: 'previous-working-day' } }), 'substitute.kind'],
    [
      '补假 flag not boolean',
      (j) => ({ ...j, substitute: { kind: 'next-working-day', onWeekend: 'yes', onOverlap: true } }),
      'substitute.onWeekend',
    ],
  ])('given %s, then it is refused naming the field', (_name, mutate, field) => {
    expect(fieldOf(mutate(valid()))).toBe(field);
  });
});
