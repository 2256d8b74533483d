import { Card } from 'antd';
import { useParams } from 'react-router';

/** The 检查 page (filled in by the workspace that owns it). */
export function VisitPage() {
  const { visitId } = useParams();
  return <Card title={`检查 ${visitId ?? ''}`} />;
}
