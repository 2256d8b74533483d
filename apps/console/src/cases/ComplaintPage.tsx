import { Card } from 'antd';
import { useParams } from 'react-router';

/** The 投诉 page (filled in by the workspace that owns it). */
export function ComplaintPage() {
  const { ticketId } = useParams();
  return <Card title={`投诉 ${ticketId ?? ''}`} />;
}
