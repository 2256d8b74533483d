import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Result,
  Select,
  Skeleton,
  Space,
  Steps,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { Link, useParams } from 'react-router';
import { api, Schemas } from '../../client/client';
import { call, messageOf } from '../../client/errors';
import { PATHS } from '../../routes';
import { useCatalogue } from '../../shared/catalogue';
import { namesOf } from '../../shared/names';
import { textRules, useStepMutation } from '../../shared/step-mutation';
import { BEIJING } from '../../shared/time';
import { ethicsKey, useRefreshEthics } from './ethics-queries';

type Evaluation = Schemas['EthicsEvaluationDto'];
type VetoItem = NonNullable<Schemas['InstitutionScoreDto']['vetoItems']>[number];

/** The steps in order (ETHICS.STEP_OUT_OF_ORDER otherwise) and the status each leaves. */
const STAGES = ['opened', 'selfSubmitted', 'departmentReviewed', 'scored', 'posted', 'finalised'] as const;
const STAGE_TITLES = ['开始', '个人自评', '科室评议', '单位评定', '公示', '确定等次'];

interface Target {
  institutionId: string;
  year: number;
  staffId: string;
}
const scoreRules = (label: string, required: boolean) => [
  ...(required ? [{ required: true, message: `请填写${label}` }] : []),
  { type: 'number' as const, min: 0, max: 100, message: `${label}为 0–100 分` },
];

function SelfForm({ target }: { target: Target }) {
  const [form] = Form.useForm<{ summary: string; selfScore?: number }>();
  const submit = useStepMutation<{ summary: string; selfScore?: number }>({
    form,
    done: '个人自评已提交',
    refresh: useRefreshEthics(target.institutionId, target.year),
    send: (v) =>
      call(
        api.POST('/ethics/evaluations/{institutionId}/{year}/{staffId}/self', {
          params: { path: target },
          body: { summary: v.summary.trim(), ...(v.selfScore !== undefined && v.selfScore !== null ? { selfScore: v.selfScore } : {}) },
        }),
      ),
  });
  return (
    <Form form={form} layout="vertical" name="self" onFinish={(v) => submit.mutate(v)}>
      <Form.Item name="summary" label="个人自评" rules={textRules('个人自评', 4000)}>
        <Input.TextArea rows={5} showCount maxLength={4000} />
      </Form.Item>
      <Form.Item name="selfScore" label="自评分（0–100）" rules={scoreRules('自评分', false)}>
        <InputNumber min={0} max={100} style={{ width: 160 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submit.isPending}>
        提交自评
      </Button>
    </Form>
  );
}

function DepartmentForm({ target }: { target: Target }) {
  const [form] = Form.useForm<{ score: number; comment?: string }>();
  const submit = useStepMutation<{ score: number; comment?: string }>({
    form,
    done: '科室评议已提交',
    refresh: useRefreshEthics(target.institutionId, target.year),
    send: (v) =>
      call(
        api.POST('/ethics/evaluations/{institutionId}/{year}/{staffId}/department', {
          params: { path: target },
          body: { score: v.score, ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}) },
        }),
      ),
  });
  return (
    <Form form={form} layout="vertical" name="department" onFinish={(v) => submit.mutate(v)}>
      <Form.Item name="score" label="科室评分（0–100）" rules={scoreRules('科室评分', true)}>
        <InputNumber min={0} max={100} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="comment" label="评议意见" rules={textRules('评议意见', 2000, false)}>
        <Input.TextArea rows={3} showCount maxLength={2000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submit.isPending}>
        提交科室评议
      </Button>
    </Form>
  );
}

function InstitutionForm({ target }: { target: Target }) {
  const words = useCatalogue();
  const [form] = Form.useForm<{ assessedScore?: number; comment?: string; vetoItems?: VetoItem[] }>();
  const submit = useStepMutation<{ assessedScore?: number; comment?: string; vetoItems?: VetoItem[] }>({
    form,
    done: '单位评定已完成',
    refresh: useRefreshEthics(target.institutionId, target.year),
    send: (v) =>
      call(
        api.POST('/ethics/evaluations/{institutionId}/{year}/{staffId}/institution', {
          params: { path: target },
          body: {
            ...(v.assessedScore !== undefined && v.assessedScore !== null ? { assessedScore: v.assessedScore } : {}),
            ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}),
            ...(v.vetoItems?.length ? { vetoItems: v.vetoItems } : {}),
          },
        }),
      ),
  });
  return (
    <Form form={form} layout="vertical" name="institution" onFinish={(v) => submit.mutate(v)}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="系统将汇总该人员本年度医德档案的扣分、加分和一票否决事项，计算拟定等次。"
      />
      <Form.Item name="assessedScore" label="单位评分（0–100，不填则采用科室评分）" rules={scoreRules('单位评分', false)}>
        <InputNumber min={0} max={100} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="vetoItems" label="一票否决事项">
        <Select mode="multiple" allowClear options={words.options('vetoItems')} placeholder="无" />
      </Form.Item>
      <Form.Item name="comment" label="评定意见" rules={textRules('评定意见', 2000, false)}>
        <Input.TextArea rows={3} showCount maxLength={2000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submit.isPending}>
        完成单位评定
      </Button>
    </Form>
  );
}

function PostingForm({ target }: { target: Target }) {
  const [form] = Form.useForm<{ period: [Dayjs, Dayjs] }>();
  const submit = useStepMutation<{ period: [Dayjs, Dayjs] }>({
    form,
    done: '已公示',
    refresh: useRefreshEthics(target.institutionId, target.year),
    send: (v) =>
      call(
        api.POST('/ethics/evaluations/{institutionId}/{year}/{staffId}/posting', {
          params: { path: target },
          body: {
            from: v.period[0].tz(BEIJING, true).startOf('day').toISOString(),
            until: v.period[1].tz(BEIJING, true).endOf('day').toISOString(),
          },
        }),
      ),
  });
  return (
    <Form form={form} layout="vertical" name="posting" onFinish={(v) => submit.mutate(v)}>
      <Form.Item name="period" label="公示期" rules={[{ required: true, message: '请选择公示期' }]}>
        <DatePicker.RangePicker />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submit.isPending}>
        公示
      </Button>
    </Form>
  );
}

function StepForm({ evaluation, target }: { evaluation: Evaluation; target: Target }) {
  switch (evaluation.status) {
    case 'opened':
      return <SelfForm target={target} />;
    case 'selfSubmitted':
      return <DepartmentForm target={target} />;
    case 'departmentReviewed':
      return <InstitutionForm target={target} />;
    case 'scored':
      return <PostingForm target={target} />;
    case 'posted':
      return <Alert type="info" showIcon message="公示期满后，请在医德考评列表中“确定等次”。" />;
    default:
      return null;
  }
}

/** One staff member's evaluation of a year: where it stands and the next step's form. */
export function EthicsEvaluationPage() {
  const params = useParams();
  const words = useCatalogue();
  const target: Target = { institutionId: params.institutionId ?? '', year: Number(params.year), staffId: params.staffId ?? '' };
  const evaluation = useQuery({
    queryKey: [...ethicsKey(target.institutionId, target.year), 'evaluation', target.staffId],
    queryFn: () => call(api.GET('/ethics/evaluations/{institutionId}/{year}/{staffId}', { params: { path: target } })),
  });
  if (evaluation.isError)
    return (
      <Result
        status="warning"
        title="无法打开该考评"
        subTitle={messageOf(evaluation.error)}
        extra={<Link to={PATHS.hospitalEthics}>返回医德考评</Link>}
      />
    );
  if (!evaluation.data) return <Skeleton active paragraph={{ rows: 6 }} />;
  const e = evaluation.data;
  const names = namesOf(e);
  const stage = STAGES.indexOf(e.status as (typeof STAGES)[number]);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb
        items={[{ title: <Link to={PATHS.hospitalEthics}>医德考评</Link> }, { title: `${names[e.staffId] ?? e.staffId} ${e.year} 年度` }]}
      />
      <Card title={`${names[e.staffId] ?? e.staffId} · ${e.year} 年度医德考评`}>
        <Steps
          size="small"
          current={Math.min(stage + 1, STAGES.length - 1)}
          status={e.status === 'finalised' ? 'finish' : 'process'}
          responsive
          items={STAGE_TITLES.map((title) => ({ title }))}
          style={{ marginBottom: 16 }}
        />
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'status', label: '进度', children: <Tag>{words.label('ethicsEvaluationStatuses', e.status)}</Tag> },
            { key: 'department', label: '科室', children: e.departmentId ? (names[e.departmentId] ?? e.departmentId) : '—' },
            { key: 'self', label: '自评分', children: e.selfScore ?? '—' },
            { key: 'dept', label: '科室评分', children: e.departmentScore ?? '—' },
            { key: 'assessed', label: '单位评分', children: e.assessedScore ?? '—' },
            { key: 'deductions', label: '档案扣分 / 加分', children: `${e.deductions ?? '—'} / ${e.additions ?? '—'}` },
            { key: 'final', label: '最终得分', children: e.finalScore ?? '—' },
            {
              key: 'grade',
              label: '等次',
              children: e.grade
                ? `${words.label('ethicsGrades', e.grade)}${e.downgradedByCap ? '（因优秀比例限制调整）' : ''}`
                : e.provisionalGrade
                  ? `拟定：${words.label('ethicsGrades', e.provisionalGrade)}`
                  : '—',
            },
            {
              key: 'veto',
              label: '一票否决',
              children: e.vetoItems.length
                ? e.vetoItems.map((item) => (
                    <Tag color="red" key={item}>
                      {words.label('vetoItems', item)}
                    </Tag>
                  ))
                : '无',
            },
            ...(e.reason ? [{ key: 'reason', label: '评定说明', span: 'filled' as const, children: e.reason }] : []),
          ]}
        />
      </Card>
      {e.status !== 'finalised' && (
        <Card title={STAGE_TITLES[stage + 1] ?? '办理'} size="small">
          <StepForm evaluation={e} target={target} />
        </Card>
      )}
    </Space>
  );
}
