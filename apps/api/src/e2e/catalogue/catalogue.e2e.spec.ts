import { createTestApp, TestApp } from '../../testing/test-app';

/** GET /catalogue and the language of error bodies, through the real app (issue 17, item 1). */
describe('the catalogue of words and Chinese errors (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('serves every vocabulary with zh-CN labels to anyone, cacheable by ETag', async () => {
    const res = await t.http.get('/catalogue').expect(200);
    expect(res.body.complaintChannels).toContainEqual({ value: 'web', label: '网上投诉' });
    expect(res.body.complaintCategories).toContainEqual({ value: 'red-envelopes-kickbacks', label: '红包回扣' });
    expect(res.body.complaintDecisions).toEqual([
      { value: 'substantiated', label: '属实' },
      { value: 'partly-substantiated', label: '部分属实' },
      { value: 'not-substantiated', label: '不属实' },
    ]);
    expect(res.body.ethicsGrades.map((e: { label: string }) => e.label)).toEqual(['优秀', '良好', '一般', '较差']);
    expect(res.body.roles).toContainEqual({ value: 'inspector', label: '监督员' });
    expect(res.body.findingStatuses).toContainEqual({ value: 'signedOff', label: '已销号' });
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
    expect(res.headers['etag']).toMatch(/^"[\w-]+"$/);

    const again = await t.http.get('/catalogue').set('If-None-Match', res.headers['etag']!);
    expect(again.status).toBe(304);
    const signedIn = await t.http.get('/catalogue').set(t.auth('hospital-a1-1')).expect(200);
    expect(signedIn.body).toEqual(res.body);
  });

  it('describes the catalogue in the OpenAPI document', async () => {
    const docs = await t.http.get('/api/docs-json').expect(200);
    const schema = docs.body.paths['/catalogue'].get.responses['200'].content['application/json'].schema;
    expect(schema.required).toEqual(expect.arrayContaining(['roles', 'complaintChannels', 'creditMeasures']));
    expect(docs.body.components.schemas.CatalogueEntryDto.required).toEqual(['value', 'label']);
  });

  it('refuses a bad DTO in Chinese by default and in English on Accept-Language: en, with the same code and fields', async () => {
    const body = { kind: 'sometime', institutionId: 'hosp-a1-1', plannedDate: 'soon' };
    const zh = await t.http.post('/visits').set(t.auth('inspector-a1')).send(body).expect(400);
    const en = await t.http
      .post('/visits')
      .set(t.auth('inspector-a1'))
      .set('Accept-Language', 'en-US,en;q=0.9,zh;q=0.5')
      .send(body)
      .expect(400);
    expect(zh.body.code).toBe('VALIDATION');
    expect(en.body.code).toBe(zh.body.code);
    const fields = (res: { body: { fields: { field: string; rule: string }[] } }) =>
      res.body.fields.map(({ field, rule }) => ({ field, rule }));
    expect(fields(en)).toEqual(fields(zh));
    const kind = zh.body.fields.find((f: { field: string }) => f.field === 'kind');
    expect(kind.message).toMatch(/^字段 kind 必须是可选值之一：routine、unannounced/);
    expect(zh.body.message).toContain('字段 plannedDate');
    expect(en.body.fields.find((f: { field: string }) => f.field === 'kind').message).toMatch(/^kind must be one of the following values/);
  });

  it('answers a rule refusal in Chinese by default and in English on request, the code identical', async () => {
    const ask = (language?: string) => {
      const req = t.http.get('/public/complaints/ZZZZ-ZZZZ').set('X-Ticket-Secret', 'nothing-here');
      return language ? req.set('Accept-Language', language) : req;
    };
    const zh = await ask().expect(404);
    const zhFirst = await ask('zh-CN,zh;q=0.9,en;q=0.8').expect(404);
    const en = await ask('en').expect(404);
    expect(zh.body).toMatchObject({ code: 'COMPLAINT.NOT_FOUND', message: '投诉工单不存在，或工单编号与查询密码不匹配' });
    expect(zhFirst.body).toEqual(zh.body);
    expect(en.body).toMatchObject({ code: 'COMPLAINT.NOT_FOUND', message: 'No ticket with this code and secret' });
  });
});
