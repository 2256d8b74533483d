import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useMe } from '../session/use-session';

/** The partners' workspace is theirs alone: anyone else is told so rather than shown an agency's lists. */
export function PartnerRoleGate({ children }: { children: ReactNode }) {
  const role = useMe().data?.actor.role;
  if (role !== 'partner') return <Result status="403" title="此页面仅供协同部门使用" />;
  return <>{children}</>;
}
