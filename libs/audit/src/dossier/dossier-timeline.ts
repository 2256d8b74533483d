import { shanghaiDateTime } from '@bihuan/core';
import { HistoryEntry } from '../history/case-history.types';
import { EventSummaryRegistry } from '../history/summary-registry';
import { escapeHtml as h } from './html-text';

/** One row of the readable timeline: when, who (by name), what (the context's summary). */
export interface TimelineRow {
  readonly eventId: string;
  readonly occurredAt: string;
  readonly actor: string;
  readonly summary: string;
  /** False for events of a linked stream that are not about this case (kept for the chain). */
  readonly linked: boolean;
}

/**
 * The timeline people read first: bookkeeping and timers folded away (their effect shows in the
 * case events they accompany), every other event as a summary built from the data the reader may
 * see (`shown`, already redacted), so the summary never shows more than the appendix does.
 */
export function timelineRows(
  entries: readonly HistoryEntry[],
  shown: readonly object[],
  summaries: EventSummaryRegistry,
): { rows: TimelineRow[]; folded: number } {
  const rows: TimelineRow[] = [];
  entries.forEach((e, i) => {
    if (summaries.isBookkeeping(e.type)) return;
    rows.push({
      eventId: e.eventId,
      occurredAt: e.occurredAt,
      actor: summaries.actorName(e.actor),
      summary: summaries.summarise({ type: e.type, data: shown[i] ?? {}, actor: e.actor }),
      linked: e.linked,
    });
  });
  return { rows, folded: entries.length - rows.length };
}

const t = (iso: string): string => (Number.isNaN(Date.parse(iso)) ? iso : shanghaiDateTime(iso).slice(0, 16));

/** The 案件经过 section: a three-column table, each row linking to its raw event in the appendix. */
export function timelineHtml(timeline: { rows: readonly TimelineRow[]; folded: number }): string {
  const rows = timeline.rows
    .map(
      (r) =>
        `<tr${r.linked ? '' : ' class="ctx"'}><td>${h(t(r.occurredAt))}</td><td>${h(r.actor)}</td><td><a href="#e-${h(r.eventId)}">${h(r.summary)}</a></td></tr>`,
    )
    .join('\n');
  const folded = timeline.folded > 0 ? `另有 ${timeline.folded} 条内部处理与时限记录未列出，见附录二。` : '';
  return `<h2 id="timeline">案件经过</h2><p>时间为北京时间。${folded}</p>
<table class="timeline"><tr><th style="width:9em">时间</th><th style="width:10em">操作人</th><th>经过</th></tr>
${rows}</table>`;
}
