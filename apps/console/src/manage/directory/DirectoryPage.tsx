import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Drawer, Empty, Grid, Row, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { messageOf } from '../../client/errors';
import { downloadFile } from '../../client/files';
import { useUnits } from '../manage-queries';
import { DepartmentForm } from './DepartmentForm';
import { ImportPanel } from './ImportPanel';
import { MoveUnitForm } from './MoveUnitForm';
import { PanelAction, UnitPanel } from './UnitPanel';
import { UnitForm } from './UnitForm';
import { UnitTree } from './UnitTree';
import { UserForm } from './UserForm';

type Opened = PanelAction | { kind: 'import' };

const TITLES: Record<Opened['kind'], string> = {
  'edit-unit': '编辑单位',
  'move-unit': '移动单位',
  'new-unit': '新建单位',
  department: '科室',
  user: '用户',
  import: '批量导入',
};

/**
 * 机构与用户: the admin's subtree as a tree on the left; the chosen unit's profile, departments and
 * users on the right, each with its actions in a drawer; 批量导入 from the template and 导出.
 */
export function DirectoryPage() {
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const units = useUnits();
  const [selectedId, setSelectedId] = useState<string>();
  const [opened, setOpened] = useState<Opened | null>(null);
  const all = units.data?.units ?? [];
  const selected = all.find((unit) => unit.id === selectedId) ?? all[0];
  const close = () => setOpened(null);

  const exportAll = async (): Promise<void> => {
    try {
      await downloadFile('/directory/export', '机构与用户.xlsx');
    } catch (error) {
      void message.error(messageOf(error));
    }
  };

  const title = opened
    ? opened.kind === 'department'
      ? opened.department
        ? '重命名科室'
        : '新建科室'
      : opened.kind === 'user'
        ? opened.user
          ? '编辑用户'
          : '新建用户'
        : TITLES[opened.kind]
    : '';

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          机构与用户
        </Typography.Title>
      }
      extra={
        <Space wrap>
          <Button type="primary" icon={<UploadOutlined />} onClick={() => setOpened({ kind: 'import' })}>
            批量导入
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => void exportAll()}>
            导出 Excel
          </Button>
        </Space>
      }
    >
      {units.isLoading ? (
        <Spin />
      ) : units.isError ? (
        <Empty description={messageOf(units.error)} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={8} xxl={6}>
            <Card size="small" title="组织机构">
              <UnitTree units={all} selected={selected?.id} onSelect={setSelectedId} />
            </Card>
          </Col>
          <Col xs={24} lg={16} xxl={18}>
            {selected ? (
              <UnitPanel
                key={selected.id}
                unit={selected}
                parentName={all.find((unit) => unit.id === selected.parentId)?.name ?? '—'}
                act={setOpened}
              />
            ) : (
              <Empty description="请选择左侧的单位" />
            )}
          </Col>
        </Row>
      )}
      <Drawer
        title={title}
        open={opened !== null}
        onClose={close}
        size={screens.md ? (opened?.kind === 'import' ? 640 : 480) : '90%'}
        placement={screens.md ? 'right' : 'bottom'}
        destroyOnHidden
      >
        {opened?.kind === 'import' && <ImportPanel />}
        {opened?.kind === 'edit-unit' && <UnitForm unit={opened.unit} onDone={close} />}
        {opened?.kind === 'new-unit' && (
          <UnitForm
            parent={opened.parent}
            onDone={(unitId) => {
              close();
              setSelectedId(unitId);
            }}
          />
        )}
        {opened?.kind === 'move-unit' && <MoveUnitForm unit={opened.unit} units={all} onDone={close} />}
        {opened?.kind === 'department' && (
          <DepartmentForm institutionId={opened.institutionId} department={opened.department} onDone={close} />
        )}
        {opened?.kind === 'user' && <UserForm user={opened.user} unitId={opened.unitId} units={all} onDone={close} />}
      </Drawer>
    </Card>
  );
}
