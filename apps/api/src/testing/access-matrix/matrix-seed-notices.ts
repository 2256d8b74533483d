import { DEMO_USERS } from '@bihuan/demo';
import { TestApp } from '../test-app';
import { bearer, call } from './matrix-http';
import { MarkerBook } from './matrix-markers';

/** The units that issue the seeded notices, and the inspector of each. */
const ISSUERS = { 'county-a1': 'inspector-a1', 'county-b1': 'inspector-b1' } as const;

export interface NoticeIds {
  /** A published red-list notice per issuing unit: its tables hold the red list (public) and must never hold the black list. */
  readonly published: Record<string, string>;
  /** A draft per issuing unit: the commission over the unit reads it, nobody else. */
  readonly drafts: Record<string, string>;
}

/**
 * Public notices of two counties (run after the seed's clock reached 20 March): a published
 * 信用红名单变动公示 over 1–19 March, whose title and text are published by design, and a draft whose
 * title and text are the county's own case text until it is published.
 */
export async function seedNotices(t: TestApp, book: MarkerBook): Promise<NoticeIds> {
  const published: Record<string, string> = {};
  const drafts: Record<string, string> = {};
  for (const [unit, inspector] of Object.entries(ISSUERS)) {
    const user = DEMO_USERS.find((u) => u.id === inspector)!;
    const as = bearer(t, { id: user.id, role: user.role, unit: user.unit });
    const period = { from: '2025-03-01', to: '2025-03-19' };
    const pub = (where: string) => book.next(unit, 'notices', where, 'public');
    const made = await call(t, as, 'post', '/public-notices', {
      kind: 'credit-list-changes',
      period,
      title: pub('published notice title'),
      preface: pub('published notice preface'),
    });
    published[unit] = String(made['id']);
    await call(t, as, 'post', `/public-notices/${published[unit]}/publish`, {}, 200);
    const mk = (where: string) => book.next(unit, 'notices', where);
    const draft = await call(t, as, 'post', '/public-notices', {
      kind: 'complaint-statistics',
      period,
      title: mk('notice draft title'),
      preface: mk('notice draft preface'),
    });
    drafts[unit] = String(draft['id']);
  }
  return { published, drafts };
}
