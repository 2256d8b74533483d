import { useQuery } from '@tanstack/react-query';
import { Button, Form, Input, Select } from 'antd';
import { api } from '../../client/client';
import { call } from '../../client/errors';
import { useCatalogue } from '../../shared/catalogue';
import { textRules, useStepMutation } from '../../shared/step-mutation';
import { manageKey, useManageRefresh } from '../manage-queries';
import type { Unit, User } from './directory-types';

interface UserValues {
  id: string;
  name: string;
  phone: string;
  email?: string;
  role: User['role'];
  unitId: string;
  departmentId?: string | null;
}

/** The roles a directory user can have (the catalogue's `roles` also names the system's own). */
const USER_ROLES: readonly string[] = ['admin', 'leader', 'inspector', 'hospital', 'partner'];

/** The departments of the chosen unit (an institution's 科室), for the user's department. */
function useDepartments(unitId: string | undefined) {
  return useQuery({
    queryKey: manageKey('directory', 'unit', unitId),
    queryFn: () => call(api.GET('/directory/units/{unitId}', { params: { path: { unitId: unitId! } } })),
    enabled: Boolean(unitId),
  });
}

/**
 * 新建用户 in `unitId`, or 编辑用户 (`user`): the sign-in name (the user's id, fixed once made), name,
 * phone, work e-mail, role, unit and department. Moving a user is choosing another unit here.
 */
export function UserForm({ user, unitId, units, onDone }: { user?: User; unitId: string; units: readonly Unit[]; onDone: () => void }) {
  const [form] = Form.useForm<UserValues>();
  const words = useCatalogue();
  const refresh = useManageRefresh();
  const chosenUnit = Form.useWatch('unitId', form) ?? user?.unitId ?? unitId;
  const departments = useDepartments(chosenUnit);
  const save = useStepMutation<UserValues>({
    form,
    send: ({ id, email, departmentId, ...values }) => {
      const body = { ...values, email: email?.trim() ?? '', departmentId: departmentId ?? null };
      return user
        ? call(api.PUT('/directory/users/{userId}', { params: { path: { userId: user.id } }, body }))
        : call(api.POST('/directory/users', { body: { ...body, id } }));
    },
    done: user ? '用户信息已保存' : '用户已创建；请为其重置密码，把一次性密码告知本人',
    refresh: () => refresh('directory').then(onDone),
  });
  return (
    <Form<UserValues>
      form={form}
      layout="vertical"
      initialValues={user ? { ...user, email: user.email ?? '' } : { unitId, role: 'hospital' }}
      onFinish={(values) => save.mutate(values)}
    >
      <Form.Item
        name="id"
        label="登录名"
        extra="小写字母、数字和“.”“_”“-”，创建后不能修改"
        rules={[
          { required: true, message: '请填写登录名' },
          { pattern: /^[a-z0-9._-]{1,64}$/, message: '登录名只能由小写字母、数字和“.”“_”“-”组成' },
        ]}
      >
        <Input disabled={Boolean(user)} maxLength={64} autoComplete="off" />
      </Form.Item>
      <Form.Item name="name" label="姓名" rules={textRules('姓名', 50)}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="phone" label="手机号" rules={textRules('手机号', 30)}>
        <Input maxLength={30} inputMode="tel" />
      </Form.Item>
      <Form.Item name="email" label="工作邮箱" rules={[{ type: 'email', message: '邮箱格式不正确' }]} extra="用于邮件通知，可不填">
        <Input maxLength={254} inputMode="email" />
      </Form.Item>
      <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
        <Select options={words.options('roles').filter((option) => USER_ROLES.includes(option.value))} />
      </Form.Item>
      <Form.Item name="unitId" label="所属单位" rules={[{ required: true, message: '请选择所属单位' }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={units.map((unit) => ({ value: unit.id, label: unit.name }))}
          onChange={() => form.setFieldValue('departmentId', null)}
        />
      </Form.Item>
      <Form.Item name="departmentId" label="科室" extra="医疗机构的人员可选所在科室">
        <Select
          allowClear
          loading={departments.isLoading}
          options={(departments.data?.departments ?? []).map((department) => ({ value: department.id, label: department.name }))}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={save.isPending}>
        {user ? '保存' : '创建用户'}
      </Button>
    </Form>
  );
}
