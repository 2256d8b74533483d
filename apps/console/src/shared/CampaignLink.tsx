import { Link } from 'react-router';
import { PATHS } from '../routes';
import { useCampaign } from './campaigns';

/**
 * A campaign named by its title, linking to its page; the id as plain text while it loads or when
 * the reader may not open it (a visit filed before campaigns existed keeps a free-text id).
 */
export function CampaignLink({ campaignId }: { campaignId: string }) {
  const campaign = useCampaign(campaignId);
  if (!campaign.data) return <span>{campaignId}</span>;
  return <Link to={PATHS.campaign(campaignId)}>{campaign.data.title}</Link>;
}
