import { EventSummaries, ROLE_LABELS, summaryCatalogue } from '@bihuan/core';
import { CONFLICT_REASONS } from '../domain/directory-attributes';
import { DirectoryEvent, DirectoryImported } from '../domain/directory.events';
import { UNIT_KIND_LABELS } from '../import/directory-vocabulary';

const SOURCES: Readonly<Record<DirectoryImported['data']['source'], string>> = {
  import: '导入名录',
  'seed-none': '首次启动建立机构目录',
  'seed-demo': '载入演示机构目录',
};

/** The directory's events in words (docs/events/directory.md): who changed which unit or person. */
export const DIRECTORY_SUMMARIES: EventSummaries<DirectoryEvent> = {
  UnitCreated: (d, c) =>
    `${c.actor} 新增${UNIT_KIND_LABELS[d.unit.kind] ?? d.unit.kind}单位 ${d.unit.name}${d.unit.parentId ? `（隶属 ${c.unit(d.unit.parentId)}）` : ''}`,
  UnitUpdated: (d, c) => `${c.actor} 修改单位信息：${d.name}`,
  UnitMoved: (d, c) =>
    `${c.actor} 调整隶属关系：${c.unit(d.unitId)} 由 ${d.fromParentId ? c.unit(d.fromParentId) : '无'} 改隶 ${c.unit(d.toParentId)}`,
  DepartmentCreated: (d, c) => `${c.actor} 新增科室 ${d.department.name}（${c.unit(d.department.institutionId)}）`,
  DepartmentUpdated: (d, c) => `${c.actor} 修改科室名称为 ${d.name}`,
  UserCreated: (d, c) => `${c.actor} 新增用户 ${d.user.name}（${ROLE_LABELS[d.user.role] ?? d.user.role}，${c.unit(d.user.unitId)}）`,
  UserUpdated: (d, c) => `${c.actor} 修改用户信息：${c.person(d.userId)}`,
  UserDisabled: (d, c) => `${c.actor} 停用用户 ${c.person(d.userId)}`,
  UserEnabled: (d, c) => `${c.actor} 启用用户 ${c.person(d.userId)}`,
  InspectorConflictsSet: (d, c) =>
    `${c.actor} 登记 ${c.person(d.userId)} 的回避关系：${
      d.conflicts.map((x) => `${c.unit(x.institutionId)}（${CONFLICT_REASONS[x.reason] ?? x.reason}）`).join('、') || '无'
    }`,
  StaffRegistered: (d, c) => `${c.actor} 登记人员 ${d.staff.name}（${c.unit(d.staff.institutionId)}）`,
  DirectoryImported: (d, c) =>
    `${c.actor} ${SOURCES[d.source] ?? d.source}：单位 ${d.units} 个，科室 ${d.departments} 个，用户 ${d.users} 名`,
};

export const DIRECTORY_SUMMARY_CATALOGUE = summaryCatalogue<DirectoryEvent>('directory', DIRECTORY_SUMMARIES, {
  terms: UNIT_KIND_LABELS,
});
