import { Card } from 'antd';
import { useParams } from 'react-router';

/** The 问题 page (filled in by the workspace that owns it). */
export function FindingPage() {
  const { findingId } = useParams();
  return <Card title={`问题 ${findingId ?? ''}`} />;
}
