import { chineseDateTime, EventSummaries, summaryCatalogue, WorkflowOutput } from '@bihuan/core';
import { WORKFLOW_RECORDS, WorkflowRecord } from '../workflow-runner/workflow-records';

function output(o: WorkflowOutput): string {
  switch (o.kind) {
    case 'send':
      return `发出指令 ${o.command.type} 至 ${o.stream}`;
    case 'schedule':
      return `设定定时 ${chineseDateTime(o.timer.dueAt)}（${o.timer.command.type} 至 ${o.timer.stream}）`;
    case 'cancel':
      return `取消定时 ${o.timerId}`;
    case 'complete':
      return '流程结束';
    case 'ignore':
      return `不作处理：${o.reason}`;
  }
}

/**
 * What a workflow runner writes to a workflow's own stream (workflow-records.ts), in words for
 * auditors. Pure bookkeeping of at-least-once processing: folded out of a history by default.
 */
export const PROCESSING_SUMMARIES: EventSummaries<WorkflowRecord> = {
  InputRecorded: (d) => `流程记录收到的事件 ${d.type}（${d.streamName} 第${d.revision + 1}条）`,
  OutputRecorded: (d) => `流程决定：${output(d.output)}`,
  OutputsDispatched: (d) => `流程已执行 ${d.outputs} 项决定`,
};

export const PROCESSING_SUMMARY_CATALOGUE = summaryCatalogue<WorkflowRecord>('processing', PROCESSING_SUMMARIES, {
  bookkeeping: WORKFLOW_RECORDS,
});
