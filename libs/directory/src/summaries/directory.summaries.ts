import { EventSummaries, ROLE_LABELS, summaryCatalogue } from '@bihuan/core';
import { CONFLICT_REASONS } from '../domain/directory-attributes';
import { DirectoryEvent } from '../domain/directory.events';

type DirectoryImported = Extract<DirectoryEvent, { type: 'DirectoryImported' }>['data'];
const SOURCES: Readonly<Record<DirectoryImported['source'], string>> = {
  import: '导入名录',
  'seed-none': '初始化空名录',
  'seed-demo': '载入演示名录',
};

/** The directory's events in words; a person's phone is never part of a summary. */
export const DIRECTORY_SUMMARIES: EventSummaries<DirectoryEvent> = {
  UnitCreated: (d, c) => `${c.actor} 新建单位 ${d.unit.name}${d.unit.parentId ? `（隶属 ${c.unit(d.unit.parentId)}）` : ''}`,
  UnitUpdated: (d, c) => `${c.actor} 修改单位 ${c.unit(d.unitId)}：名称 ${d.name}`,
  UnitMoved: (d, c) => `${c.actor} 将 ${c.unit(d.unitId)} 从 ${c.unit(d.fromParentId) || '—'} 调整至 ${c.unit(d.toParentId)}`,
  DepartmentCreated: (d, c) => `${c.actor} 新建科室 ${d.department.name}（${c.unit(d.department.institutionId)}）`,
  DepartmentUpdated: (d, c) => `${c.actor} 修改科室名称为 ${d.name}`,
  UserCreated: (d, c) => `${c.actor} 新建用户 ${d.user.name}（${ROLE_LABELS[d.user.role]}，${c.unit(d.user.unitId)}）`,
  UserUpdated: (d, c) => `${c.actor} 修改用户 ${d.name}（${ROLE_LABELS[d.role]}，${c.unit(d.unitId)}）`,
  UserDisabled: (d, c) => `${c.actor} 停用用户 ${c.person(d.userId)}`,
  UserEnabled: (d, c) => `${c.actor} 启用用户 ${c.person(d.userId)}`,
  InspectorConflictsSet: (d, c) =>
    `${c.actor} 设置 ${c.person(d.userId)} 的回避单位：${
      d.conflicts.map((x) => `${c.unit(x.institutionId)}（${CONFLICT_REASONS[x.reason] ?? x.reason}）`).join('、') || '无'
    }`,
  StaffRegistered: (d, c) => `${c.actor} 登记医务人员 ${d.staff.name}（${c.unit(d.staff.institutionId)}）`,
  DirectoryImported: (d, c) =>
    `${c.actor} ${SOURCES[d.source] ?? d.source}：单位 ${d.units} 个，科室 ${d.departments} 个，用户 ${d.users} 人`,
};

export const DIRECTORY_SUMMARY_CATALOGUE = summaryCatalogue<DirectoryEvent>('directory', DIRECTORY_SUMMARIES);
