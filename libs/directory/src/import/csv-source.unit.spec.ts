import { decodeCsv } from './csv-source';
import { gbk } from './directory-import.spec-support';
import { parseDirectoryFile } from './parse-directory-file';

const USERS_CSV = [
  '用户编码,登录名,姓名,手机号,角色,所属单位编码,科室编码,状态',
  'u1,zhangsan,张三,13812345678,管理员,P01,,在用',
  'u2,lisi,李四,0571-8888666X,协同单位,C01,,',
  '',
  'u3,wangwu,"王,五",13812345670,医院,H001,D01,停用',
].join('\r\n');

describe('parseDirectoryFile (CSV)', () => {
  it.each([
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(USERS_CSV, 'utf8')]), 'utf-8'],
    ['UTF-8 without BOM', Buffer.from(USERS_CSV, 'utf8'), 'utf-8'],
    ['GBK, as Excel on Chinese Windows saves "CSV (逗号分隔)"', gbk(USERS_CSV), 'gb18030'],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(USERS_CSV, 'utf16le')]), 'utf-16le'],
  ])('reads %s and reports rows as the spreadsheet numbers them', async (_label, bytes, encoding) => {
    expect(decodeCsv(bytes).encoding).toBe(encoding);
    const { import: parsed, rejected } = await parseDirectoryFile(bytes, 'csv', 'users');
    expect(parsed.users.map((u) => [u.ref.row, u.input.name, u.input.role, u.input.status])).toEqual([
      [2, '张三', 'admin', 'active'],
      [5, '王,五', 'hospital', 'disabled'],
    ]);
    expect(rejected.map(({ row, field, rule }) => ({ row, field, rule }))).toEqual([
      { row: 3, field: 'phone', rule: 'DIRECTORY.INVALID_PHONE' },
    ]);
    expect(rejected[0]!.message).toMatch(/^用户表第3行「手机号」格式不正确/);
  });

  it('tells which list a CSV holds from its header when no sheet is named', async () => {
    const csv = Buffer.from('科室编码,所属机构编码,科室名称\nD1,H1,儿科\n', 'utf8');
    const { import: parsed } = await parseDirectoryFile(csv, 'csv');
    expect(parsed.departments.map((d) => d.input)).toEqual([{ id: 'D1', institutionId: 'H1', name: '儿科' }]);
  });

  it('refuses a CSV whose list cannot be told, with a typed error', async () => {
    const csv = Buffer.from('甲,乙\n1,2\n', 'utf8');
    await expect(parseDirectoryFile(csv, 'csv')).rejects.toMatchObject({
      code: 'DIRECTORY.IMPORT_FILE_INVALID',
      kind: 'validation',
    });
  });

  it('reads Excel precision loss in a CSV code column as such', async () => {
    const csv = Buffer.from(
      `单位编码,单位名称,层级,上级单位编码,机构类别,所有制,医院等级,等次,统一社会信用代码,地址,法定代表人,联系电话\r\n` +
        `H1,某医院,医疗机构,C01,综合医院,公立,一级,未评等,1.23457E+17,某地,王五,13900000000\r\n`,
      'utf8',
    );
    const { rejected } = await parseDirectoryFile(csv, 'csv', 'units');
    expect(rejected.map((r) => [r.row, r.field, r.rule])).toEqual([[2, 'profile.creditCode', 'DIRECTORY.NUMBER_PRECISION_LOST']]);
  });

  it('takes off the quote that neutralises a formula-like cell', async () => {
    const csv = Buffer.from("科室编码,所属机构编码,科室名称\r\nD1,H1,'=急诊科\r\n", 'utf8');
    const { import: parsed } = await parseDirectoryFile(csv, 'csv', 'departments');
    expect(parsed.departments[0]!.input.name).toBe('=急诊科');
  });
});
