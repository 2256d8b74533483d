import { Input, Tag, Tree } from 'antd';
import type { TreeDataNode } from 'antd';
import { useMemo, useState } from 'react';
import { useCatalogue } from '../../shared/catalogue';
import type { Unit } from './directory-types';

const KIND_COLORS: Record<string, string> = { province: 'purple', city: 'blue', county: 'cyan', institution: 'green' };

/** The units as a tree (the API lists parents first); a unit whose parent is outside the admin's subtree is a root. */
function treeOf(units: readonly Unit[], label: (kind: string) => string, match: (unit: Unit) => boolean): TreeDataNode[] {
  const ids = new Set(units.map((unit) => unit.id));
  const children = new Map<string, Unit[]>();
  for (const unit of units)
    if (unit.parentId && ids.has(unit.parentId)) children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit]);
  const node = (unit: Unit): TreeDataNode | null => {
    const inner = (children.get(unit.id) ?? []).map(node).filter((n): n is TreeDataNode => n !== null);
    if (!match(unit) && inner.length === 0) return null;
    return {
      key: unit.id,
      title: (
        <span>
          {unit.name}{' '}
          <Tag color={KIND_COLORS[unit.kind]} style={{ marginInlineStart: 4 }}>
            {label(unit.kind)}
          </Tag>
        </span>
      ),
      children: inner,
    };
  };
  return units
    .filter((unit) => !unit.parentId || !ids.has(unit.parentId))
    .map(node)
    .filter((n): n is TreeDataNode => n !== null);
}

/** 组织机构: the admin's subtree; typing a name keeps the matching units and the way to them. */
export function UnitTree({ units, selected, onSelect }: { units: readonly Unit[]; selected?: string; onSelect: (unitId: string) => void }) {
  const words = useCatalogue();
  const [search, setSearch] = useState('');
  const needle = search.trim();
  const nodes = useMemo(
    () =>
      treeOf(
        units,
        (kind) => words.label('unitKinds', kind),
        (unit) => !needle || unit.name.includes(needle) || unit.id.includes(needle),
      ),
    [units, needle, words],
  );
  // Provinces and cities open by default; while searching, every branch that leads to a match.
  const expanded = needle
    ? units.map((unit) => unit.id)
    : units.filter((unit) => unit.kind !== 'county' && unit.kind !== 'institution').map((unit) => unit.id);
  return (
    <>
      <Input.Search
        allowClear
        placeholder="按名称或编码查找单位"
        aria-label="查找单位"
        onChange={(event) => setSearch(event.target.value)}
        style={{ marginBottom: 8 }}
      />
      <Tree
        key={needle ? `search:${needle}` : 'all'}
        treeData={nodes}
        defaultExpandedKeys={expanded}
        selectedKeys={selected ? [selected] : []}
        onSelect={(keys) => keys[0] !== undefined && onSelect(String(keys[0]))}
        blockNode
      />
    </>
  );
}
