import { Button, Form, Input, Select } from 'antd';
import { useRef } from 'react';
import { api } from '../../client/client';
import { call } from '../../client/errors';
import { useCatalogue } from '../../shared/catalogue';
import { textRules, useStepMutation } from '../../shared/step-mutation';
import { useManageRefresh } from '../manage-queries';
import type { Profile, Unit } from './directory-types';

interface UnitValues {
  id: string;
  name: string;
  kind: Unit['kind'];
  profile?: Profile;
}

/** The level under each level: what a new unit under `parent` usually is. */
const CHILD_KIND: Record<string, Unit['kind']> = { province: 'city', city: 'county', county: 'institution', institution: 'institution' };
const CODE_RULE = { pattern: /^[A-Za-z0-9_-]{1,64}$/, message: '编码只能由字母、数字、“-”“_”组成，不超过 64 个字符' };

/**
 * 新建单位 under `parent`, or 编辑单位 (`unit`): name, and for a medical institution its profile
 * (类别, 所有制, 等级, 等次, 统一社会信用代码, 地址, 法定代表人, 联系电话), checked again by the API.
 */
export function UnitForm({ parent, unit, onDone }: { parent?: Unit; unit?: Unit; onDone: (unitId: string) => void }) {
  const [form] = Form.useForm<UnitValues>();
  const words = useCatalogue();
  const refresh = useManageRefresh();
  const kind = Form.useWatch('kind', form) ?? unit?.kind;
  const saved = useRef(unit?.id ?? '');
  const save = useStepMutation<UnitValues>({
    form,
    send: async ({ id, name, kind: chosen, profile }) => {
      const withProfile = chosen === 'institution' && profile ? { profile } : {};
      if (unit) await call(api.PUT('/directory/units/{unitId}', { params: { path: { unitId: unit.id } }, body: { name, ...withProfile } }));
      else await call(api.POST('/directory/units', { body: { id, name, kind: chosen, parentId: parent?.id ?? null, ...withProfile } }));
      saved.current = unit?.id ?? id;
    },
    done: unit ? '单位信息已保存' : '单位已创建',
    refresh: () => refresh('directory').then(() => onDone(saved.current)),
  });
  const select = (vocabulary: Parameters<typeof words.options>[0]) => <Select options={words.options(vocabulary)} />;
  return (
    <Form<UnitValues>
      form={form}
      layout="vertical"
      initialValues={
        unit ? { id: unit.id, name: unit.name, kind: unit.kind, profile: unit.profile } : { kind: CHILD_KIND[parent?.kind ?? 'province'] }
      }
      onFinish={(values) => save.mutate(values)}
    >
      {parent && <Form.Item label="上级单位">{parent.name}</Form.Item>}
      <Form.Item name="id" label="单位编码" rules={[{ required: true, message: '请填写单位编码' }, CODE_RULE]} extra="创建后不能修改">
        <Input disabled={Boolean(unit)} maxLength={64} />
      </Form.Item>
      <Form.Item name="name" label="单位名称" rules={textRules('单位名称', 100)}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="kind" label="层级" rules={[{ required: true, message: '请选择层级' }]}>
        <Select disabled={Boolean(unit)} options={words.options('unitKinds')} />
      </Form.Item>
      {kind === 'institution' && (
        <>
          <Form.Item name={['profile', 'institutionType']} label="机构类别" rules={[{ required: true, message: '请选择机构类别' }]}>
            {select('institutionTypes')}
          </Form.Item>
          <Form.Item name={['profile', 'ownership']} label="所有制" rules={[{ required: true, message: '请选择所有制' }]}>
            {select('ownerships')}
          </Form.Item>
          <Form.Item name={['profile', 'level']} label="医院等级" rules={[{ required: true, message: '请选择医院等级' }]}>
            {select('hospitalLevels')}
          </Form.Item>
          <Form.Item name={['profile', 'grade']} label="等次" rules={[{ required: true, message: '请选择等次' }]}>
            {select('hospitalGrades')}
          </Form.Item>
          <Form.Item
            name={['profile', 'creditCode']}
            label="统一社会信用代码"
            rules={[
              { required: true, message: '请填写统一社会信用代码' },
              { len: 18, message: '统一社会信用代码为 18 位' },
            ]}
          >
            <Input maxLength={18} />
          </Form.Item>
          <Form.Item name={['profile', 'address']} label="地址" rules={textRules('地址', 200)}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name={['profile', 'legalRepresentative']} label="法定代表人" rules={textRules('法定代表人', 50)}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name={['profile', 'contactPhone']} label="联系电话" rules={textRules('联系电话', 30)}>
            <Input maxLength={30} />
          </Form.Item>
        </>
      )}
      <Button type="primary" htmlType="submit" block loading={save.isPending}>
        {unit ? '保存' : '创建单位'}
      </Button>
    </Form>
  );
}
