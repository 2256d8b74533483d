import { createTestApp, TestApp } from '../../testing/test-app';

describe('the public list of institutions (HTTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ start: '2025-03-03T01:00:00.000Z' });
  });
  afterAll(() => t.close());

  it('names every institution with its supervising unit, without a token, and no other unit', async () => {
    const answer = await t.http.get('/public/institutions').expect(200);
    const items = answer.body.items as { id: string; name: string; supervisingUnit: string }[];
    expect(items).toContainEqual({ id: 'hosp-a1-1', name: expect.any(String), supervisingUnit: '甲市东城区卫生健康局' });
    expect(items.map((i) => i.id)).toEqual(expect.arrayContaining(['hosp-a1-1', 'hosp-a1-2', 'hosp-b1-1']));
    expect(items.map((i) => i.id)).not.toContain('county-a1');
    // Each one opens its public credit page: the list and the page agree on what an institution is.
    for (const item of items) await t.http.get(`/public/institutions/${item.id}/credit`).expect(200);
  });
});
