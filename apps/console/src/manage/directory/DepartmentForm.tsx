import { Button, Form, Input } from 'antd';
import { api } from '../../client/client';
import { call } from '../../client/errors';
import { textRules, useStepMutation } from '../../shared/step-mutation';
import { useManageRefresh } from '../manage-queries';
import type { Department } from './directory-types';

interface DepartmentValues {
  id: string;
  name: string;
}

/** 新建科室 in an institution, or 重命名 an existing one (`department`). */
export function DepartmentForm({
  institutionId,
  department,
  onDone,
}: {
  institutionId: string;
  department?: Department;
  onDone: () => void;
}) {
  const [form] = Form.useForm<DepartmentValues>();
  const refresh = useManageRefresh();
  const save = useStepMutation<DepartmentValues>({
    form,
    send: ({ id, name }) =>
      department
        ? call(api.PUT('/directory/departments/{departmentId}', { params: { path: { departmentId: department.id } }, body: { name } }))
        : call(api.POST('/directory/units/{unitId}/departments', { params: { path: { unitId: institutionId } }, body: { id, name } })),
    done: department ? '科室名称已保存' : '科室已创建',
    refresh: () => refresh('directory').then(onDone),
  });
  return (
    <Form<DepartmentValues> form={form} layout="vertical" initialValues={department} onFinish={(values) => save.mutate(values)}>
      <Form.Item
        name="id"
        label="科室编码"
        rules={[
          { required: true, message: '请填写科室编码' },
          { pattern: /^[A-Za-z0-9_-]{1,64}$/, message: '编码只能由字母、数字、“-”“_”组成' },
        ]}
      >
        <Input disabled={Boolean(department)} maxLength={64} />
      </Form.Item>
      <Form.Item name="name" label="科室名称" rules={textRules('科室名称', 100)}>
        <Input maxLength={100} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={save.isPending}>
        {department ? '保存' : '创建科室'}
      </Button>
    </Form>
  );
}
