import { PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { Schemas } from '../client/client';
import { messageOf } from '../client/errors';
import { downloadFile } from '../client/files';
import { PATHS } from '../routes';
import { caseFilePath } from '../shared/CaseFiles';
import { useCatalogue } from '../shared/catalogue';
import { beijingDate } from '../shared/time';
import { kindOf } from './case-kinds';

export type AuditEntry = Schemas['AuditHistoryEntryDto'];
export type CauseRef = Schemas['AuditCauseRefDto'];
type CaseFile = Schemas['AuditCaseFileDto'];

/** The files a step cites: its `evidence` digests (progress, sign-off request) or the file it attached. */
export function citedDigests(data: object): string[] {
  const loose = data as { evidence?: unknown; file?: { digest?: unknown } };
  const cited = Array.isArray(loose.evidence) ? loose.evidence.filter((d): d is string => typeof d === 'string') : [];
  const attached = typeof loose.file?.digest === 'string' ? [loose.file.digest] : [];
  return [...new Set([...attached, ...cited])];
}

/** Deadlines of the step's stream that were open before the step and are gone after it: met (or lifted) here. */
function clearedAt(entry: AuditEntry, previous: AuditEntry | undefined): AuditEntry['deadlines'] {
  if (!previous) return [];
  const still = new Set(entry.deadlines.map((d) => d.deadlineId));
  return previous.deadlines.filter((d) => !still.has(d.deadlineId));
}

/**
 * What the audit page shows under a step's summary: the linked case it belongs to, the deadlines
 * right after it (due date, running / overdue, met here), its cause and what it caused (each a link
 * that scrolls to the step), and the files it cites (download).
 */
export function TimelineStepDetail({
  entry,
  root,
  previous,
  later,
  cause,
  effects,
  files,
  onFollow,
}: {
  entry: AuditEntry;
  root: string;
  /** The step before it in the same stream (what deadlines were open before). */
  previous: AuditEntry | undefined;
  later: boolean;
  /** Its cause as people read it, with that step's summary when it is on this page. */
  cause: { ref: CauseRef; summary: string | null } | null;
  effects: readonly AuditEntry[];
  files: ReadonlyMap<string, CaseFile>;
  onFollow: (ref: CauseRef) => void;
}) {
  const words = useCatalogue();
  const { message } = App.useApp();
  const cited = citedDigests(entry.data).flatMap((digest) => files.get(digest) ?? []);
  const cleared = clearedAt(entry, previous);
  const tags = [
    ...(later ? [<Tag key="later">该时刻之后</Tag>] : []),
    ...(entry.stream !== root
      ? [
          <Link key="stream" to={PATHS.caseAudit(entry.stream)} aria-label={`打开关联${kindOf(entry.stream)}`}>
            <Tag color="purple">{kindOf(entry.stream)}</Tag>
          </Link>,
        ]
      : []),
    ...(!entry.linked ? [<Tag key="context">背景记录（非本案）</Tag>] : []),
    ...entry.deadlines.map((d) => (
      <Tag key={d.deadlineId} color={d.status === 'expired' ? 'red' : d.status === 'paused' ? 'default' : 'blue'}>
        {d.label ?? d.deadlineId} {beijingDate(d.dueAt)} {words.label('deadlineStatuses', d.status)}
        {d.provisional ? '（暂定）' : ''}
      </Tag>
    )),
    ...cleared.map((d) => (
      <Tag key={`met-${d.deadlineId}`} color={d.status === 'expired' ? 'orange' : 'green'}>
        {d.label ?? d.deadlineId} 于此解除（{d.status === 'expired' ? '超期后' : '按期'}）
      </Tag>
    )),
  ];
  const follow = (ref: CauseRef, text: string, key: string) => (
    <Button key={key} type="link" size="small" className="timeline-link" onClick={() => onFollow(ref)}>
      {text}
    </Button>
  );
  return (
    <Space orientation="vertical" size={2} style={{ display: 'flex', marginTop: 4 }}>
      {tags.length > 0 && (
        <Space size={[4, 4]} wrap>
          {tags}
        </Space>
      )}
      {cause && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          起因：{follow(cause.ref, cause.summary ?? `${kindOf(cause.ref.stream)}中的一条记录`, 'cause')}
        </Typography.Text>
      )}
      {effects.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          引起：
          {effects.map((e) =>
            follow({ eventId: e.eventId, stream: e.stream, type: e.type, position: e.position }, e.summary ?? e.type, e.eventId),
          )}
        </Typography.Text>
      )}
      {cited.length > 0 && (
        <Space size={[4, 0]} wrap>
          {cited.map((file) => (
            <Button
              key={file.digest}
              type="link"
              size="small"
              className="timeline-link"
              icon={<PaperClipOutlined />}
              aria-label={`下载附件 ${file.name}`}
              onClick={() =>
                void downloadFile(caseFilePath(root, file.digest), file.name).catch((error: unknown) => message.error(messageOf(error)))
              }
            >
              {file.name}
            </Button>
          ))}
        </Space>
      )}
    </Space>
  );
}
