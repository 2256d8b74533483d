import { FormEvent, useState } from 'react';
import { call, messageOf } from '../../client/errors';
import { PATHS } from '../../routes';
import { Alert, Field } from '../Field';
import { publicApi } from '../public-api';
import { PublicStatus, StatusView } from './StatusView';

/** People type codes as K7Q2M9XD, k7q2-m9xd …: the API takes any of them; this only trims. */
const cleanCode = (code: string) => code.trim().toUpperCase();

/**
 * 查询进度: code (from the SMS link's path, or typed) and secret (typed: never in a URL, never
 * stored), then the public status with the complainant's files, reply and rating.
 */
export default function TrackPage({ initialCode }: { readonly initialCode: string }) {
  const [code, setCode] = useState(initialCode);
  const [secret, setSecret] = useState('');
  const [problems, setProblems] = useState<{ code?: string; secret?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [found, setFound] = useState<{ code: string; secret: string; status: PublicStatus } | null>(null);

  const load = async (ticketCode: string, ticketSecret: string) => {
    const status = await call(
      publicApi.POST('/public/complaints/{code}/status', { params: { path: { code: ticketCode } }, body: { secret: ticketSecret } }),
    );
    setFound({ code: ticketCode, secret: ticketSecret, status });
    // The code may go in the address (an SMS link does the same); the secret never does.
    window.history.replaceState(null, '', PATHS.portalComplaint(status.ticketCode));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = { ...(cleanCode(code) ? {} : { code: '请输入投诉编号' }), ...(secret.trim() ? {} : { secret: '请输入查询码' }) };
    setProblems(missing);
    setFailure(null);
    if (missing.code || missing.secret) return;
    setLoading(true);
    try {
      await load(cleanCode(code), secret.trim());
    } catch (thrown) {
      setFailure(messageOf(thrown));
    } finally {
      setLoading(false);
    }
  };

  if (found)
    return <StatusView code={found.code} secret={found.secret} status={found.status} reload={() => load(found.code, found.secret)} />;

  return (
    <>
      <h1>查询进度</h1>
      <p className="lead">请输入提交投诉时获得的投诉编号和查询码。</p>
      <form onSubmit={submit} noValidate aria-busy={loading}>
        <Field label="投诉编号" required hint="8 位字母和数字，如 K7Q2-M9XD" error={problems.code}>
          <input
            type="text"
            autoCapitalize="characters"
            autoComplete="off"
            spellCheck={false}
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
        </Field>
        <Field label="查询码" required error={problems.secret}>
          <input type="password" autoComplete="off" spellCheck={false} value={secret} onChange={(e) => setSecret(e.target.value)} />
        </Field>
        {failure ? <Alert>{failure}</Alert> : null}
        <div className="actions">
          <button type="submit" className="button" disabled={loading}>
            {loading ? '正在查询…' : '查询'}
          </button>
        </div>
      </form>
    </>
  );
}
