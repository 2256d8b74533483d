import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Row, Statistic, Table, Typography } from 'antd';
import type { TableColumnType } from 'antd';
import { useState } from 'react';
import type { Schemas } from '../../client/client';
import { messageOf } from '../../client/errors';
import { downloadFile } from '../../client/files';
import { useCatalogue } from '../../shared/catalogue';
import { beijingDateTime } from '../../shared/time';
import { useCampaignSummary } from './campaign-queries';

type Line = Schemas['CampaignSummaryLineDto'];

/** A rate (0–1) as people read it in a 通报: 87.5%; — where nothing was counted. */
const rateText = (rate: number | null): string => (rate === null ? '—' : `${(rate * 100).toFixed(1).replace(/\.0$/, '')}%`);
const countText = (value: number | null): string => (value === null ? '—' : String(value));

/** The 通报 table's figures, the same for each category and each institution. */
function figureColumns<Row extends Line>(): TableColumnType<Row>[] {
  return [
    { title: '问题数', dataIndex: 'findings', width: 72 },
    { title: '已销号', dataIndex: 'signedOff', width: 72 },
    { title: '整改中', dataIndex: 'open', width: 72 },
    { title: '逾期', dataIndex: 'overdue', width: 64 },
    { title: '整改率', dataIndex: 'rectificationRate', width: 80, render: rateText },
    { title: '按期整改率', dataIndex: 'onTimeRate', width: 96, render: rateText },
  ];
}

/**
 * 总结: the closing summary as it stands (通报): findings by category and by institution, the
 * rectification and on-time rates, the reports handed in on time; 导出通报 downloads the workbook the
 * API lays out (by category, by institution).
 */
export function CampaignSummaryTab({ campaignId }: { campaignId: string }) {
  const words = useCatalogue();
  const { message } = App.useApp();
  const summary = useCampaignSummary(campaignId);
  const [exporting, setExporting] = useState(false);
  if (summary.isError) return <Typography.Text type="danger">总结加载失败：{messageOf(summary.error)}</Typography.Text>;
  const data = summary.data;
  const exportSummary = async (): Promise<void> => {
    setExporting(true);
    try {
      await downloadFile(`/campaigns/${encodeURIComponent(campaignId)}/summary/export`, '专项行动通报.xlsx');
    } catch (error) {
      void message.error(messageOf(error));
    } finally {
      setExporting(false);
    }
  };
  const totals = data?.totals;
  return (
    <Card
      size="small"
      loading={summary.isLoading}
      title={data ? `截至 ${beijingDateTime(data.generatedAt)}` : '总结'}
      extra={
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportSummary()}>
          导出通报（Excel）
        </Button>
      }
    >
      {data && totals && (
        <>
          <Row gutter={[16, 16]} className="campaign-figures">
            <Col xs={12} md={4}>
              <Statistic title="问题总数" value={totals.findings} />
            </Col>
            <Col xs={12} md={4}>
              <Statistic title="已销号" value={totals.signedOff} />
            </Col>
            <Col xs={12} md={4}>
              <Statistic title="整改率" value={rateText(totals.rectificationRate)} />
            </Col>
            <Col xs={12} md={4}>
              <Statistic title="按期整改率" value={rateText(totals.onTimeRate)} />
            </Col>
            <Col xs={12} md={4}>
              <Statistic title="按时报送率" value={data.reportsTracked ? rateText(totals.reportsOnTimeRate) : '—'} />
            </Col>
            <Col xs={12} md={4}>
              <Statistic title="结转问题" value={data.carriedOver} />
            </Col>
          </Row>
          <Typography.Title level={5}>按问题类别</Typography.Title>
          <Table<Schemas['CampaignSummaryCategoryDto']>
            rowKey="category"
            size="small"
            aria-label="按问题类别"
            dataSource={data.byCategory}
            pagination={false}
            scroll={{ x: 620 }}
            columns={[
              { title: '问题类别', dataIndex: 'category', width: 160, render: (value: string) => words.label('findingCategories', value) },
              ...figureColumns<Schemas['CampaignSummaryCategoryDto']>(),
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            按机构
          </Typography.Title>
          <Table<Schemas['CampaignSummaryInstitutionDto']>
            rowKey="institutionId"
            size="small"
            aria-label="按机构"
            dataSource={data.byInstitution}
            pagination={false}
            scroll={{ x: 1000 }}
            columns={[
              { title: '机构', dataIndex: 'name', width: 170, fixed: 'left' },
              { title: '检查', dataIndex: 'visitsDone', width: 64 },
              { title: '自查', dataIndex: 'selfInspections', width: 64 },
              ...figureColumns<Schemas['CampaignSummaryInstitutionDto']>(),
              { title: '应报送', dataIndex: 'reportsDue', width: 72 },
              { title: '按时报送', dataIndex: 'reportsOnTime', width: 84, render: countText },
              { title: '按时报送率', dataIndex: 'reportsOnTimeRate', width: 96, render: rateText },
            ]}
          />
        </>
      )}
    </Card>
  );
}
