import { OpenStep, TODO_KIND_INFO, TODO_KINDS, TodoKind } from './todo-kinds';

/** One item of a to-do list (待办), as `GET /me/todos` returns it. */
export type TodoItem = OpenStep & {
  /** Chinese title of the kind, e.g. 整改方案待提交. */
  readonly title: string;
  /** Working days from now to the due date (Asia/Shanghai calendar); negative once past it; null without a due date. */
  readonly workingDaysLeft: number | null;
  readonly overdue: boolean;
};

export interface TodoList {
  readonly items: TodoItem[];
  /** Items of every kind on the caller's list (before the `kind` filter and paging). */
  readonly counts: Readonly<Record<TodoKind, number>>;
  readonly overdue: number;
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

/** The part of the working-day calendar the list needs. */
export interface WorkingDays {
  workingDaysBetween(a: string, b: string): number;
}

/** Overdue first, then the nearest due date, then those without one; ties by case and kind so pages are stable. */
export function byUrgency(a: TodoItem, b: TodoItem): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.dueAt !== b.dueAt) {
    if (a.dueAt === null) return 1;
    if (b.dueAt === null) return -1;
    return a.dueAt < b.dueAt ? -1 : 1;
  }
  return a.caseId === b.caseId ? a.kind.localeCompare(b.kind) : a.caseId.localeCompare(b.caseId);
}

/** Working days from `now` to `due` (Asia/Shanghai calendar); negative once past it (0 on the day it passed). */
export function workingDaysLeft(due: string, now: string, calendar: WorkingDays): number {
  return due < now ? -calendar.workingDaysBetween(due, now) || 0 : calendar.workingDaysBetween(now, due);
}

export function toItem(step: OpenStep, now: string, calendar: WorkingDays): TodoItem {
  const due = step.dueAt;
  const overdue = due !== null && due < now;
  const left = due === null ? null : workingDaysLeft(due, now, calendar);
  return { ...step, title: TODO_KIND_INFO[step.kind].title, workingDaysLeft: left, overdue };
}

/** Orders, counts and pages the caller's open steps. `page` is 1-based. */
export function todoList(
  steps: readonly OpenStep[],
  now: string,
  calendar: WorkingDays,
  view: { kind?: TodoKind; page: number; pageSize: number },
): TodoList {
  const all = steps.map((s) => toItem(s, now, calendar)).sort(byUrgency);
  const counts = Object.fromEntries(TODO_KINDS.map((k) => [k, 0])) as Record<TodoKind, number>;
  for (const item of all) counts[item.kind] += 1;
  const chosen = view.kind ? all.filter((i) => i.kind === view.kind) : all;
  const start = (view.page - 1) * view.pageSize;
  return {
    items: chosen.slice(start, start + view.pageSize),
    counts,
    overdue: all.filter((i) => i.overdue).length,
    total: chosen.length,
    page: view.page,
    pageSize: view.pageSize,
  };
}
