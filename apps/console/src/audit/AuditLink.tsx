import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { PATHS } from '../routes';
import { useMe } from '../session/use-session';
import { AUDIT_READER_ROLES } from './audit-queries';

/** 完整历史与核验: the case's audit page, offered only to roles the audit routes answer (others would get 403). */
export function AuditLink({ stream }: { stream: string }) {
  const me = useMe();
  if (!AUDIT_READER_ROLES.includes(me.data?.actor.role ?? '')) return null;
  return (
    <Link to={PATHS.caseAudit(stream)}>
      <SafetyCertificateOutlined /> 完整历史与核验
    </Link>
  );
}
