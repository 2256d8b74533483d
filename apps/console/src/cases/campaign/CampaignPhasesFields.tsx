import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, Row, Select } from 'antd';
import { useCatalogue } from '../../shared/catalogue';
import { textRules } from '../../shared/step-mutation';
import type { PhaseValues, ReportValues } from './campaign-form';

/** Phase names are unique and at most this long (the API's PHASE_NAME_MAX). */
const PHASE_NAME_MAX = 50;
const NEW_REPORT: ReportValues = { schedule: 'due' };
const NEW_PHASE: PhaseValues = { reports: [] };

/** The reports one phase requires of every unit in scope: each a kind, and a due day or a recurrence. */
function PhaseReports({ phase }: { phase: number }) {
  const words = useCatalogue();
  const schedules = [{ value: 'due', label: '指定截止日期' }, ...words.options('campaignReportRecurrences')];
  return (
    <Form.List name={[phase, 'reports']}>
      {(reports, { add, remove }) => (
        <>
          {reports.map((report, index) => (
            <Row key={report.key} gutter={8} align="top" className="campaign-report-row">
              <Col xs={24} sm={8}>
                <Form.Item name={[report.name, 'kind']} label="报送材料" rules={[{ required: true, message: '请选择报送材料' }]}>
                  <Select options={words.options('campaignReportKinds')} placeholder="请选择" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={7}>
                <Form.Item name={[report.name, 'schedule']} label="报送方式" rules={[{ required: true, message: '请选择报送方式' }]}>
                  <Select options={schedules} />
                </Form.Item>
              </Col>
              <Col xs={20} sm={7}>
                <Form.Item
                  noStyle
                  shouldUpdate={(before, after) => scheduleOf(before, phase, report.name) !== scheduleOf(after, phase, report.name)}
                >
                  {({ getFieldValue }) =>
                    getFieldValue(['phases', phase, 'reports', report.name, 'schedule']) === 'due' ? (
                      <Form.Item name={[report.name, 'due']} label="截止日期" rules={[{ required: true, message: '请填写截止日期' }]}>
                        <Input type="date" />
                      </Form.Item>
                    ) : (
                      <Form.Item label="截止日期">
                        <Input disabled value="每期末" aria-label="截止日期：每期末" />
                      </Form.Item>
                    )
                  }
                </Form.Item>
              </Col>
              <Col xs={4} sm={2} className="campaign-row-remove">
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={`删除第 ${index + 1} 项报送材料`}
                  onClick={() => remove(report.name)}
                />
              </Col>
            </Row>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ ...NEW_REPORT })}>
            添加报送材料
          </Button>
        </>
      )}
    </Form.List>
  );
}

type Loose = { phases?: { reports?: { schedule?: string }[] }[] };
const scheduleOf = (values: unknown, phase: number, report: number): string | undefined =>
  (values as Loose).phases?.[phase]?.reports?.[report]?.schedule;

/**
 * 阶段安排: dated phases in order (Beijing days), each with the reports it requires; rows added and
 * removed. Whether they overlap or leave the year the API says, under the field at fault.
 */
export function CampaignPhasesFields() {
  return (
    <Form.List name="phases">
      {(phases, { add, remove }) => (
        <>
          {phases.map((phase, index) => (
            <fieldset key={phase.key} className="campaign-fieldset">
              <legend>第 {index + 1} 阶段</legend>
              <Row gutter={8}>
                <Col xs={24} sm={10}>
                  <Form.Item name={[phase.name, 'name']} label="阶段名称" rules={textRules('阶段名称', PHASE_NAME_MAX)}>
                    <Input maxLength={PHASE_NAME_MAX} placeholder="如：自查自纠" />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={7}>
                  <Form.Item name={[phase.name, 'from']} label="开始日期" rules={[{ required: true, message: '请填写开始日期' }]}>
                    <Input type="date" />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={7}>
                  <Form.Item name={[phase.name, 'to']} label="结束日期" rules={[{ required: true, message: '请填写结束日期' }]}>
                    <Input type="date" />
                  </Form.Item>
                </Col>
              </Row>
              <PhaseReports phase={phase.name} />
              {phases.length > 1 && (
                <Button danger type="link" icon={<DeleteOutlined />} onClick={() => remove(phase.name)} style={{ float: 'right' }}>
                  删除第 {index + 1} 阶段
                </Button>
              )}
            </fieldset>
          ))}
          <Button block type="dashed" icon={<PlusOutlined />} onClick={() => add({ ...NEW_PHASE })} style={{ marginBottom: 16 }}>
            添加阶段
          </Button>
        </>
      )}
    </Form.List>
  );
}
