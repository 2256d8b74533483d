import { useState } from 'react';
import { messageOf } from '../../client/errors';
import { Alert } from '../Field';
import { attachFile, PUBLIC_FILES_MAX } from './evidence';
import { FilePicker } from './FilePicker';

interface MoreFilesProps {
  readonly code: string;
  readonly secret: string;
  readonly attachedCount: number;
  readonly onDone: (message: string) => void;
}

/** 补传材料 while the ticket is open, up to the per-ticket limit; refusals in the API's words. */
export function MoreFiles({ code, secret, attachedCount, onDone }: MoreFilesProps) {
  const [files, setFiles] = useState<File[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [refused, setRefused] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  const room = Math.max(0, PUBLIC_FILES_MAX - attachedCount);
  if (room === 0) return <p>已达到每件投诉最多 {PUBLIC_FILES_MAX} 个材料的上限。</p>;
  const send = async () => {
    setSending(true);
    const failed: string[] = [];
    let sent = 0;
    for (const file of files) {
      try {
        await attachFile(code, secret, file);
        sent += 1;
      } catch (thrown) {
        failed.push(`${file.name}：${messageOf(thrown)}`);
      }
    }
    setSending(false);
    setRefused(failed);
    setFiles([]);
    if (sent) onDone(`已上传 ${sent} 个材料。`);
  };
  return (
    <div className="more-files">
      <FilePicker files={files} onChange={setFiles} room={room} error={problem} onProblem={setProblem} />
      {refused.length ? (
        <Alert>
          <ul>
            {refused.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {files.length ? (
        <div className="actions">
          <button type="button" className="button" disabled={sending} onClick={send}>
            {sending ? '正在上传…' : '上传所选材料'}
          </button>
        </div>
      ) : null}
    </div>
  );
}
