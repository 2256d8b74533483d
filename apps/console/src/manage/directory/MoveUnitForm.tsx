import { Alert, Button, Form, Select } from 'antd';
import { api } from '../../client/client';
import { call } from '../../client/errors';
import { useCatalogue } from '../../shared/catalogue';
import { useStepMutation } from '../../shared/step-mutation';
import { useManageRefresh } from '../manage-queries';
import type { Unit } from './directory-types';

/** The unit and every unit under it: none of them can become its new parent. */
function subtreeOf(unitId: string, units: readonly Unit[]): Set<string> {
  const inside = new Set([unitId]);
  for (let grew = true; grew;) {
    grew = false;
    for (const unit of units) {
      if (unit.parentId && inside.has(unit.parentId) && !inside.has(unit.id)) {
        inside.add(unit.id);
        grew = true;
      }
    }
  }
  return inside;
}

/** 移动单位: another parent for the unit and its whole subtree; scopes follow at once (the API says so). */
export function MoveUnitForm({ unit, units, onDone }: { unit: Unit; units: readonly Unit[]; onDone: () => void }) {
  const [form] = Form.useForm<{ parentId: string }>();
  const words = useCatalogue();
  const refresh = useManageRefresh();
  const excluded = subtreeOf(unit.id, units);
  const move = useStepMutation<{ parentId: string }>({
    form,
    send: ({ parentId }) => call(api.POST('/directory/units/{unitId}/move', { params: { path: { unitId: unit.id } }, body: { parentId } })),
    done: '单位已移动',
    refresh: () => refresh('directory').then(onDone),
  });
  return (
    <Form form={form} layout="vertical" initialValues={{ parentId: unit.parentId ?? undefined }} onFinish={(values) => move.mutate(values)}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={`“${unit.name}”及其下级单位、科室和用户将一并移到新的上级单位下，管辖范围随之改变。`}
      />
      <Form.Item name="parentId" label="新的上级单位" rules={[{ required: true, message: '请选择新的上级单位' }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={units
            .filter((candidate) => !excluded.has(candidate.id) && candidate.kind !== 'institution')
            .map((candidate) => ({ value: candidate.id, label: `${candidate.name}（${words.label('unitKinds', candidate.kind)}）` }))}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={move.isPending}>
        移动
      </Button>
    </Form>
  );
}
