import { HistoryOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Slider, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { beijingDate, beijingDateTime, beijingMinuteEnd } from '../shared/time';
import { indexAtOrBefore } from './as-of';

/** Beyond this many stops the slider shows no dot per stop (they would run together). */
const MAX_DOTS = 60;

/** A dot at every stop (when they fit), the first stop's date, and 现在 at the end. */
function marksOf(instants: readonly string[]): Record<number, string> {
  const marks: Record<number, string> = {};
  if (instants.length <= MAX_DOTS) instants.forEach((_, index) => (marks[index] = ''));
  if (instants[0]) marks[0] = beijingDate(instants[0]);
  marks[instants.length] = '现在';
  return marks;
}

/**
 * 时间回溯: a slider over the instants something changed (a case's events, a ledger's days) with a
 * date-time picker for any other moment, and a plain statement of the instant shown. The last stop
 * is 现在 (no instant). `onChange` is called when a move ends, not at every step of a drag.
 */
export function AsOfSlider({
  instants,
  asOf,
  onChange,
  what,
  note,
  stopLabel = beijingDateTime,
}: {
  /** Sorted ISO instants, oldest first. */
  instants: readonly string[];
  asOf: string | null;
  onChange: (instant: string | null) => void;
  /** What is shown as of the instant: 案件, 台账. */
  what: string;
  /** What looking at the past means on this page (shown under 截至 …). */
  note: string;
  /** How a stop reads in the slider's tooltip. */
  stopLabel?: (instant: string) => string;
}) {
  const now = instants.length;
  const committed = asOf === null ? now : Math.max(0, indexAtOrBefore(instants, asOf));
  const [dragging, setDragging] = useState(committed);
  useEffect(() => setDragging(committed), [committed]);
  const label = (index: number): string => (index >= now ? '现在' : stopLabel(instants[index]!));
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }} className="as-of">
      {asOf ? (
        <Alert
          type="warning"
          showIcon
          icon={<HistoryOutlined />}
          title={<strong>截至 {beijingDateTime(asOf)} 的状态</strong>}
          description={note}
          action={
            <Button size="small" onClick={() => onChange(null)}>
              回到现在
            </Button>
          }
        />
      ) : (
        <Typography.Text type="secondary">当前状态。拖动滑块或选择时间，查看{what}在过去某一时刻的状态。</Typography.Text>
      )}
      <div className="as-of-controls">
        <Slider
          className="as-of-slider"
          min={0}
          max={now}
          step={1}
          value={dragging}
          disabled={now === 0}
          onChange={(index) => setDragging(index)}
          onChangeComplete={(index) => onChange(index >= now ? null : instants[index]!)}
          tooltip={{ formatter: (index) => (index === undefined ? '' : label(index)) }}
          marks={marksOf(instants)}
          aria-label="时间回溯"
          aria-valuetext={label(dragging)}
        />
        <DatePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          placeholder="选择时间"
          aria-label="选择时间"
          allowClear
          value={asOf ? dayjs(beijingDateTime(asOf)) : null}
          onChange={(value) => onChange(value ? beijingMinuteEnd(value.format('YYYY-MM-DD HH:mm')) : null)}
        />
      </div>
    </Space>
  );
}
