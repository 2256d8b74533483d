import { OpenStep } from './todo-kinds';
import { todoList, WorkingDays } from './todo-list';

/** Counts calendar days as working days: enough to see signs and order (the real calendar is tested in libs/calendar). */
const days: WorkingDays = {
  workingDaysBetween: (a, b) => Math.max(0, Math.floor((Date.parse(b) - Date.parse(a)) / 86_400_000)),
};

const NOW = '2025-03-10T01:00:00.000Z';

function step(caseId: string, kind: OpenStep['kind'], dueAt: string | null): OpenStep {
  return {
    kind,
    caseId,
    institutionId: 'hosp-1',
    unitId: 'hosp-1',
    link: `/x/${caseId}`,
    dueAt,
    since: '2025-03-01T00:00:00.000Z',
  } as OpenStep;
}

describe('todoList', () => {
  const steps = [
    step('c-none', 'complaint-follow-up', null),
    step('f-later', 'rectification-plan', '2025-03-20T01:00:00.000Z'),
    step('f-past', 'rectification-plan', '2025-03-07T01:00:00.000Z'),
    step('t-soon', 'complaint-answer', '2025-03-12T01:00:00.000Z'),
  ];

  it('orders overdue first, then by due date, then those without one; days left are negative once past', () => {
    const list = todoList(steps, NOW, days, { page: 1, pageSize: 50 });
    expect(list.items.map((i) => [i.caseId, i.overdue, i.workingDaysLeft])).toEqual([
      ['f-past', true, -3],
      ['t-soon', false, 2],
      ['f-later', false, 10],
      ['c-none', false, null],
    ]);
    expect(list.items[0]).toMatchObject({ title: '整改方案待提交' });
    expect(list).toMatchObject({
      total: 4,
      overdue: 1,
      counts: { 'rectification-plan': 2, 'complaint-answer': 1, 'complaint-follow-up': 1, recheck: 0 },
    });
  });

  it('filters one kind and pages it, while the counts still cover every kind', () => {
    const list = todoList(steps, NOW, days, { kind: 'rectification-plan', page: 2, pageSize: 1 });
    expect(list.items.map((i) => i.caseId)).toEqual(['f-later']);
    expect(list).toMatchObject({ total: 2, page: 2, pageSize: 1, counts: { 'complaint-answer': 1 } });
  });

  it('says 0 days left, not -0, on the day a step fell due', () => {
    const list = todoList([step('f-today', 'recheck', '2025-03-10T00:30:00.000Z')], NOW, days, { page: 1, pageSize: 5 });
    expect(Object.is(list.items[0]!.workingDaysLeft, 0)).toBe(true);
    expect(list.items[0]!.overdue).toBe(true);
  });
});
