import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Empty, Form, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, Schemas } from '../../client/client';
import { call, messageOf } from '../../client/errors';
import { downloadFile } from '../../client/files';
import { PATHS } from '../../routes';
import { useMe } from '../../session/use-session';
import { useCatalogue } from '../../shared/catalogue';
import { namesOf } from '../../shared/names';
import { textRules, useStepMutation } from '../../shared/step-mutation';
import { defaultEthicsYear, ethicsKey, useRefreshEthics } from './ethics-queries';

type Evaluation = Schemas['EthicsEvaluationDto'];

const ID_MAX = 64;

function OpenEvaluationForm({ institutionId, year }: { institutionId: string; year: number }) {
  const [form] = Form.useForm<{ staffId: string; departmentId?: string }>();
  const submit = useStepMutation<{ staffId: string; departmentId?: string }>({
    form,
    done: '已开始该人员的年度考评',
    refresh: useRefreshEthics(institutionId, year),
    send: (v) =>
      call(
        api.POST('/ethics/evaluations', {
          body: {
            institutionId,
            year,
            staffId: v.staffId.trim(),
            ...(v.departmentId?.trim() ? { departmentId: v.departmentId.trim() } : {}),
          },
        }),
      ),
  });
  return (
    <Form form={form} layout="inline" className="ledger-filters" name="openEvaluation" onFinish={(v) => submit.mutate(v)}>
      <Form.Item name="staffId" label="人员编号" rules={textRules('人员编号', ID_MAX)}>
        <Input maxLength={ID_MAX} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="departmentId" label="科室编号" rules={textRules('科室编号', ID_MAX, false)}>
        <Input maxLength={ID_MAX} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item>
        <Button htmlType="submit" loading={submit.isPending}>
          开始考评
        </Button>
      </Form.Item>
    </Form>
  );
}

/** 医德考评: the year's evaluations of the institution's staff, their stage and grade; finalise and export. */
export function EthicsListPage() {
  const words = useCatalogue();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const me = useMe();
  const institutionId = me.data?.actor.unit ?? '';
  const thisYear = defaultEthicsYear();
  const [year, setYear] = useState(thisYear);
  const list = useQuery({
    queryKey: [...ethicsKey(institutionId, year), 'results'],
    queryFn: () => call(api.GET('/ethics/results/{institutionId}/{year}', { params: { path: { institutionId, year } } })),
    enabled: !!institutionId,
  });
  const finalise = useStepMutation<void>({
    done: '已确定本年度考评等次',
    refresh: useRefreshEthics(institutionId, year),
    send: () => call(api.POST('/ethics/results/{institutionId}/{year}/finalise', { params: { path: { institutionId, year } } })),
  });
  const names = namesOf(list.data);
  const evaluations = list.data?.evaluations ?? [];
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          医德考评
        </Typography.Title>
      }
      extra={
        <Space wrap>
          <Select
            aria-label="考评年度"
            value={year}
            onChange={setYear}
            options={[0, 1, 2, 3].map((back) => ({ value: thisYear + 1 - back, label: `${thisYear + 1 - back} 年度` }))}
          />
          <Popconfirm
            title="确定本年度考评等次？"
            description="将按优秀比例上限统一确定全部人员的考评等次。"
            okText="确定"
            cancelText="取消"
            onConfirm={() => finalise.mutate()}
          >
            <Button loading={finalise.isPending} disabled={evaluations.length === 0}>
              确定等次
            </Button>
          </Popconfirm>
          <Button
            icon={<DownloadOutlined />}
            disabled={evaluations.length === 0}
            onClick={() =>
              void downloadFile(
                `/ethics/results/${encodeURIComponent(institutionId)}/${year}/export.xlsx`,
                `医德考评结果-${year}.xlsx`,
              ).catch((error: unknown) => message.error(messageOf(error)))
            }
          >
            导出结果
          </Button>
        </Space>
      }
    >
      {institutionId && <OpenEvaluationForm institutionId={institutionId} year={year} />}
      {list.isError && <Typography.Text type="danger">考评加载失败：{messageOf(list.error)}</Typography.Text>}
      <Table<Evaluation>
        style={{ marginTop: 16 }}
        rowKey="evaluationId"
        loading={list.isLoading}
        dataSource={evaluations}
        scroll={{ x: 760 }}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={`${year} 年度暂无考评`} /> }}
        rowClassName={() => 'ledger-row'}
        onRow={(row) => ({ onClick: () => navigate(PATHS.hospitalEthicsEvaluation(row.institutionId, row.year, row.staffId)) })}
        columns={[
          {
            title: '人员',
            dataIndex: 'staffId',
            render: (staffId: string, row) => (
              <Link to={PATHS.hospitalEthicsEvaluation(row.institutionId, row.year, staffId)} onClick={(event) => event.stopPropagation()}>
                {names[staffId] ?? staffId}
              </Link>
            ),
          },
          { title: '科室', dataIndex: 'departmentId', render: (id: string | null) => (id ? (names[id] ?? id) : '—') },
          { title: '进度', dataIndex: 'status', render: (value: string) => <Tag>{words.label('ethicsEvaluationStatuses', value)}</Tag> },
          { title: '自评分', dataIndex: 'selfScore', render: (v: number | null) => v ?? '—' },
          { title: '科室评分', dataIndex: 'departmentScore', render: (v: number | null) => v ?? '—' },
          { title: '最终得分', dataIndex: 'finalScore', render: (v: number | null) => v ?? '—' },
          {
            title: '等次',
            render: (_, row) =>
              row.grade ? (
                <Tag color="green">{words.label('ethicsGrades', row.grade)}</Tag>
              ) : row.provisionalGrade ? (
                <Tag>拟定：{words.label('ethicsGrades', row.provisionalGrade)}</Tag>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Card>
  );
}
