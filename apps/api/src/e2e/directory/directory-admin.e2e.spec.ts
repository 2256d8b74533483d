import { TokenService } from '@bihuan/auth';
import { createTestApp, TestApp } from '../../testing/test-app';
import { expectNothingWritten } from '../ethics-credit/ethics-credit.fixtures';

/** Issue 16: administration delegated down the tree, disabling, and imports that are all or nothing. */
describe('the directory: delegated administration, disabling and import (e2e)', () => {
  let t: TestApp;
  let cityAdmin: { Authorization: string };
  beforeAll(async () => {
    t = await createTestApp();
    await t.http
      .post('/directory/users')
      .set(t.auth('admin'))
      .send({ id: 'admin.city-a', name: '甲市管理员', phone: '13900000001', role: 'admin', unitId: 'city-a' })
      .expect(201);
    const token = t.app.get(TokenService).mint({ sub: 'admin.city-a', role: 'admin', unit: 'city-a' });
    cityAdmin = { Authorization: `Bearer ${token}` };
  });
  afterAll(() => t.close());

  const county = (id: string, parentId: string) => ({ id, name: `${id}卫生健康局`, kind: 'county', parentId });

  it("lets a city's admin manage its own subtree and refuses it elsewhere with 403, writing nothing", async () => {
    await t.http.post('/directory/units').set(cityAdmin).send(county('county-a3', 'city-a')).expect(201);
    const units = await t.http.get('/directory/units').set(cityAdmin).expect(200);
    expect(units.body.units.map((u: { id: string }) => u.id)).toEqual(expect.arrayContaining(['city-a', 'county-a3', 'hosp-a1-1']));
    expect(units.body.units.map((u: { id: string }) => u.id)).not.toContain('city-b');
    await expectNothingWritten(t, async () => {
      const outside = await t.http.post('/directory/units').set(cityAdmin).send(county('county-b9', 'city-b'));
      expect(outside.status).toBe(403);
      expect(outside.body.code).toBe('AUTH.OUT_OF_SCOPE');
      const disable = await t.http.post('/directory/users/inspector-b1/disable').set(cityAdmin);
      expect(disable.status).toBe(403);
      const moveOut = await t.http.post('/directory/units/hosp-a1-2/move').set(cityAdmin).send({ parentId: 'county-b1' });
      expect(moveOut.status).toBe(403);
      const user = await t.http.get('/directory/users/inspector-b1').set(cityAdmin);
      expect(user.status).toBe(404);
    });
    await t.http.post('/directory/units').set(t.auth('admin')).send(county('county-b9', 'city-b')).expect(201);
  });

  it('refuses bad input naming the field, with Chinese messages and stable codes', async () => {
    await expectNothingWritten(t, async () => {
      const badCode = await t.http
        .post('/directory/units')
        .set(t.auth('admin'))
        .send({
          id: 'hosp-x',
          name: '某医院',
          kind: 'institution',
          parentId: 'county-a1',
          profile: {
            institutionType: 'general_hospital',
            ownership: 'private',
            level: 'level1',
            grade: 'none',
            creditCode: '91330100799655058C',
            address: '某路1号',
            legalRepresentative: '某人',
            contactPhone: '0571-88886666',
          },
        });
      expect(badCode.status).toBe(400);
      expect(badCode.body).toMatchObject({ code: 'DIRECTORY.INVALID_CREDIT_CODE', fields: [{ field: 'profile.creditCode' }] });
      expect(badCode.body.message).toContain('校验位');
      const nesting = await t.http.post('/directory/units').set(t.auth('admin')).send(county('county-x', 'county-a1'));
      expect(nesting.status).toBe(422);
      expect(nesting.body.code).toBe('DIRECTORY.KIND_NESTING');
      const duplicate = await t.http
        .post('/directory/users')
        .set(t.auth('admin'))
        .send({ id: 'inspector-a1', name: '重复', phone: '13900000002', role: 'inspector', unitId: 'county-a1' });
      expect(duplicate.status).toBe(409);
    });
  });

  it('refuses a disabled user on the next request (401) and accepts them again once enabled', async () => {
    await t.http.get('/directory/units').set(t.auth('inspector-a1')).expect(200);
    await t.http.post('/directory/users/inspector-a1/disable').set(cityAdmin).expect(200);
    const refused = await t.http.get('/directory/units').set(t.auth('inspector-a1'));
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('AUTH.USER_DISABLED');
    await t.http.post('/directory/users/inspector-a1/enable').set(cityAdmin).expect(200);
    await t.http.get('/directory/units').set(t.auth('inspector-a1')).expect(200);
  });

  const csv = (text: string): Buffer => Buffer.from(`\uFEFF${text}`, 'utf8');
  const header = '单位编码,单位名称,层级,上级单位编码,机构类别,所有制,医院等级,等次,统一社会信用代码,地址,法定代表人,联系电话';

  it('rejects an import with bad rows row by row (422) and writes nothing; a corrected file is applied whole', async () => {
    const bad = [
      header,
      'hosp-a3-1,新区医院,医疗机构,county-a3,综合医院,公立,二级,甲等,12990000MB00000062,新区某路1号,某人,0571-88886666',
      'hosp-a3-2,新区诊所,医疗机构,county-a3,综合医院,民营,一级,未评等,12990000MB0000007X,新区某路2号,某人,0571-88886666',
      'hosp-a3-3,新区卫生院,医疗机构,county-nowhere,基层医疗卫生机构,公立,一级,未评等,12990000MB00000088,新区某路3号,某人,0571-88886666',
    ].join('\r\n');
    await expectNothingWritten(t, async () => {
      const res = await t.http.post('/directory/import').set(cityAdmin).field('sheet', 'units').attach('file', csv(bad), 'units.csv');
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('DIRECTORY.IMPORT_REJECTED');
    });
    const parsed = await t.http.post('/directory/import').set(cityAdmin).field('sheet', 'units').attach('file', csv(bad), 'units.csv');
    expect(parsed.body.details.rejections).toEqual([
      expect.objectContaining({ sheet: 'units', row: 3, field: 'profile.creditCode', rule: 'DIRECTORY.INVALID_CREDIT_CODE' }),
    ]);
    const unknownParent = [header, bad.split('\r\n')[1], bad.split('\r\n')[3]].join('\r\n');
    await expectNothingWritten(t, async () => {
      const res = await t.http
        .post('/directory/import')
        .set(cityAdmin)
        .field('sheet', 'units')
        .attach('file', csv(unknownParent), 'units.csv');
      expect(res.status).toBe(422);
      expect(res.body.details.rejections).toEqual([
        expect.objectContaining({ row: 3, field: 'parentId', rule: 'DIRECTORY.UNKNOWN_PARENT' }),
      ]);
    });
    const outside = [
      header,
      'hosp-b9-1,南区医院,医疗机构,county-b9,综合医院,公立,二级,甲等,12990000MB00000062,某路,某人,0571-88886666',
    ].join('\r\n');
    await expectNothingWritten(t, async () => {
      const res = await t.http.post('/directory/import').set(cityAdmin).field('sheet', 'units').attach('file', csv(outside), 'units.csv');
      expect(res.status).toBe(422);
      expect(res.body.details.rejections).toEqual([expect.objectContaining({ row: 2, rule: 'AUTH.OUT_OF_SCOPE' })]);
    });
    const good = [header, bad.split('\r\n')[1]].join('\r\n');
    await t.http.post('/directory/import').set(cityAdmin).field('sheet', 'units').attach('file', csv(good), 'units.csv').expect(200);
    const unit = await t.http.get('/directory/units/hosp-a3-1').set(cityAdmin).expect(200);
    expect(unit.body).toMatchObject({ parentId: 'county-a3', profile: { institutionType: 'general_hospital', level: 'level2' } });
  });

  it('takes the file only as a multipart upload: no file, too large, not a spreadsheet, bad sheet or JSON are refused, nothing written', async () => {
    const upload = () => t.http.post('/directory/import').set(cityAdmin);
    await expectNothingWritten(t, async () => {
      const noFile = await upload().field('sheet', 'units');
      expect(noFile.status).toBe(400);
      expect(noFile.body).toMatchObject({ code: 'VALIDATION', fields: [expect.objectContaining({ field: 'file', rule: 'fileRequired' })] });
      const tooLarge = await upload().attach('file', Buffer.alloc(5 * 1024 * 1024 + 1, 0x41), 'units.csv');
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', limit: '5MB' });
      const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
      const notSheet = await upload().attach('file', png, 'units.csv');
      expect(notSheet.status).toBe(400);
      expect(notSheet.body).toMatchObject({ fields: [expect.objectContaining({ field: 'file', rule: 'fileType' })] });
      expect(notSheet.body.message).toContain('XLSX');
      const badSheet = await upload().field('sheet', 'rooms').attach('file', csv(header), 'units.csv');
      expect(badSheet.status).toBe(400);
      expect(badSheet.body.fields).toEqual([expect.objectContaining({ field: 'sheet' })]);
      const twoFiles = await upload().attach('file', csv(header), 'a.csv').attach('file', csv(header), 'b.csv');
      expect(twoFiles.status).toBe(400);
      expect(twoFiles.body.fields).toEqual([expect.objectContaining({ field: 'file' })]);
      const json = await upload().send({ format: 'csv', sheet: 'units', content: csv(header).toString('base64') });
      expect(json.status).toBe(415);
    });
  });

  it('fingerprints the uploaded file for Idempotency-Key: the same file replays, another file is KEY_REUSED', async () => {
    const departments = (code: string): Buffer => csv(`科室编码,所属机构编码,科室名称\r\n${code},hosp-a1-1,内科`);
    const send = (file: Buffer) =>
      t.http.post('/directory/import').set(t.auth('admin')).set('Idempotency-Key', 'import-key-1').attach('file', file, 'd.csv');
    const first = await send(departments('dept-idem-1'));
    expect(first.status).toBe(200);
    await expectNothingWritten(t, async () => {
      const again = await send(departments('dept-idem-1'));
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
      const other = await send(departments('dept-idem-2'));
      expect(other.status).toBe(422);
      expect(other.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
    });
  });

  it('a multipart body is refused (415) on a route that declares no upload, as any other non-JSON body', async () => {
    const res = await t.http.post('/directory/staff').set(t.auth('admin')).field('id', 'x').attach('file', csv(header), 'a.csv');
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it("exports the admin's subtree in the import's format", async () => {
    const res = await t.http.get('/directory/export?format=csv&sheet=units').set(cityAdmin).buffer(true).expect(200);
    const text = res.text;
    expect(text).toContain('hosp-a3-1');
    expect(text).not.toContain('hosp-b1-1');
  });
  it('a staff member the directory lists belongs to that institution for the ethics archives too', async () => {
    await t.http
      .post('/directory/staff')
      .set(t.auth('admin'))
      .send({ id: 'staff-dir-1', name: '王医生', institutionId: 'hosp-a1-1' })
      .expect(201);
    await expectNothingWritten(t, async () => {
      const other = await t.http
        .post('/ethics/archives')
        .set(t.auth('hospital-a1-2'))
        .send({ staffId: 'staff-dir-1', institutionId: 'hosp-a1-2' });
      expect(other.status).toBe(403);
      expect(other.body.code).toBe('AUTH.STAFF_OF_OTHER_INSTITUTION');
    });
    await t.http
      .post('/ethics/archives')
      .set(t.auth('hospital-a1-1'))
      .send({ staffId: 'staff-dir-1', institutionId: 'hosp-a1-1' })
      .expect(201);
  });
});
