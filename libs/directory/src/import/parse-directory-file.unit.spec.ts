import { RowRejection } from '../domain/directory-inputs';
import { parseDirectoryFile } from './parse-directory-file';
import { DEPARTMENT_HEADER, UNIT_HEADER, USER_HEADER, creditCode, workbook, wrongCheck } from './directory-import.spec-support';

const CODE_A = creditCode('12330100470000001');
const CODE_B = creditCode('91330100MA2800001');
const CODE_C = creditCode('52330100MJ0000001');

const institution = (id: string, code: string, phone: string, type = '综合医院'): string[] => [
  id,
  `${id}医院`,
  '医疗机构',
  'C01',
  type,
  '公立',
  '三级',
  '甲等',
  code,
  '杭州市上城区解放路1号',
  '张三',
  phone,
];

/** Only what the office needs to find and fix: where, which column, which rule. */
const where = (rejected: readonly RowRejection[]) => rejected.map(({ sheet, row, field, rule }) => ({ sheet, row, field, rule }));

describe('parseDirectoryFile (XLSX)', () => {
  it('parses the good rows and reports every bad one by sheet, row, column and rule', async () => {
    const file = await workbook({
      单位: [
        UNIT_HEADER,
        ['P01', '浙江省卫生健康委员会', '省级', '', '', '', '', '', '', '', '', ''],
        ['C01', '杭州市卫生健康委员会', '市级', 'P01'],
        institution('H001', CODE_A, '0571-88886666'),
        institution('H002', wrongCheck(CODE_B), '0571-88886667'),
        institution('H003', CODE_C, '13900000000', ''),
        institution('H004', creditCode('12330100470000099'), '12345'),
        ['H001', '重复的医院', '县级', 'C01'],
      ],
      科室: [DEPARTMENT_HEADER, ['D01', 'H001', '内科'], [], ['D02', 'H001', '外科']],
      用户: [
        USER_HEADER,
        ['u1', 'zhangsan', '张三', 13812345678, '管理员', 'P01', '', '在用'],
        ['u2', 'ZhangSan', '张珊', '13812345679', '领导', 'C01', '', ''],
        ['u3', 'lisi', '李四', '13812345670', '院长', 'H001', 'D01', '在用'],
        ['u4', 'wangwu', '  ', '13812345671', '医院', 'H001', '', '在用'],
        ['u5', 'zhaoliu', '赵六', '１３８１２３４５６７２', '监督员', 'C01', '', '停用'],
      ],
    });

    const { import: parsed, rejected } = await parseDirectoryFile(file, 'xlsx');

    expect(where(rejected)).toEqual([
      { sheet: 'units', row: 5, field: 'profile.creditCode', rule: 'DIRECTORY.INVALID_CREDIT_CODE' },
      { sheet: 'units', row: 6, field: 'profile.institutionType', rule: 'DIRECTORY.REQUIRED' },
      { sheet: 'units', row: 7, field: 'profile.contactPhone', rule: 'DIRECTORY.INVALID_PHONE' },
      { sheet: 'units', row: 8, field: 'id', rule: 'DIRECTORY.DUPLICATE_ID' },
      { sheet: 'users', row: 3, field: 'username', rule: 'DIRECTORY.DUPLICATE_USERNAME' },
      { sheet: 'users', row: 4, field: 'role', rule: 'DIRECTORY.UNKNOWN_VALUE' },
      { sheet: 'users', row: 5, field: 'name', rule: 'DIRECTORY.REQUIRED' },
    ]);
    expect(rejected[0]!.message).toBe('单位表第5行「统一社会信用代码」校验位不正确');
    expect(rejected[1]!.message).toBe('单位表第6行「机构类别」不能为空（医疗机构须填写）');
    expect(rejected[4]!.message).toBe('用户表第3行「登录名」与第2行重复：ZhangSan');
    expect(rejected[5]!.message).toContain('用户表第4行「角色」“院长”不是可选值，应为：管理员、领导、监督员、医院、协同单位');

    expect(parsed.units.map((u) => [u.ref.row, u.input.id])).toEqual([
      [2, 'P01'],
      [3, 'C01'],
      [4, 'H001'],
    ]);
    expect(parsed.units[0]!.input).toEqual({ id: 'P01', name: '浙江省卫生健康委员会', kind: 'province', parentId: null });
    expect(parsed.units[2]!.input.profile).toEqual({
      institutionType: 'general_hospital',
      ownership: 'public',
      level: 'level3',
      grade: 'jia',
      creditCode: CODE_A,
      address: '杭州市上城区解放路1号',
      legalRepresentative: '张三',
      contactPhone: '0571-88886666',
    });
    expect(parsed.departments.map((d) => [d.ref, d.input])).toEqual([
      [
        { sheet: 'departments', row: 2 },
        { id: 'D01', institutionId: 'H001', name: '内科' },
      ],
      [
        { sheet: 'departments', row: 4 },
        { id: 'D02', institutionId: 'H001', name: '外科' },
      ],
    ]);
    expect(parsed.users.map((u) => u.input)).toEqual([
      {
        id: 'u1',
        username: 'zhangsan',
        name: '张三',
        phone: '13812345678',
        role: 'admin',
        unitId: 'P01',
        departmentId: null,
        status: 'active',
      },
      {
        id: 'u5',
        username: 'zhaoliu',
        name: '赵六',
        phone: '13812345672',
        role: 'inspector',
        unitId: 'C01',
        departmentId: null,
        status: 'disabled',
      },
    ]);
  });

  it('collects every bad cell of a row, not only the first', async () => {
    const file = await workbook({ 用户: [USER_HEADER, ['', 'a b', '', '123', '校长', '', '', '离职']] });
    const { import: parsed, rejected } = await parseDirectoryFile(file, 'xlsx');
    expect(where(rejected).map((r) => `${r.field}:${r.rule}`)).toEqual([
      'id:DIRECTORY.REQUIRED',
      'name:DIRECTORY.REQUIRED',
      'phone:DIRECTORY.INVALID_PHONE',
      'role:DIRECTORY.UNKNOWN_VALUE',
      'unitId:DIRECTORY.REQUIRED',
      'status:DIRECTORY.UNKNOWN_VALUE',
    ]);
    expect(parsed.users).toEqual([]);
  });

  it('reads the optional 电子邮箱 column (a sheet without it still reads) and refuses an address that is not one', async () => {
    const header = [...USER_HEADER, '电子邮箱'];
    const good = ['u1', 'u1', '王五', '13900000002', '医院', 'H1', '', '在用', 'wang.wu@h1.example.cn'];
    const bad = ['u2', 'u2', '赵六', '13900000003', '医院', 'H1', '', '在用', 'zhao liu@h1'];
    const { import: parsed, rejected } = await parseDirectoryFile(await workbook({ 用户: [header, good, bad] }), 'xlsx');
    expect(parsed.users.map((u) => u.input.email)).toEqual(['wang.wu@h1.example.cn']);
    expect(where(rejected)).toEqual([{ sheet: 'users', row: 3, field: 'email', rule: 'DIRECTORY.INVALID_EMAIL' }]);
  });

  it('reads the optional 协同部门类别 column: required on an agency row, refused on any other', async () => {
    const header = [...UNIT_HEADER, '协同部门类别'];
    const blank = ['', '', '', '', '', '', '', ''];
    const file = await workbook({
      单位: [
        header,
        ['A1', '某市公安局', '协同部门', 'C01', ...blank, '公安'],
        ['A2', '某市医保局', 'agency', 'C01', ...blank, 'medical_insurance'],
        ['A3', '某市市场监管局', '协同部门', 'C01', ...blank, ''],
        ['X1', '某县卫生健康局', '县级', 'C01', ...blank, '信访'],
      ],
    });
    const { import: parsed, rejected } = await parseDirectoryFile(file, 'xlsx');
    expect(parsed.units.map((u) => [u.input.id, u.input.kind, u.input.agencyType])).toEqual([
      ['A1', 'agency', 'police'],
      ['A2', 'agency', 'medical_insurance'],
    ]);
    expect(where(rejected)).toEqual([
      { sheet: 'units', row: 4, field: 'agencyType', rule: 'DIRECTORY.REQUIRED' },
      { sheet: 'units', row: 5, field: 'agencyType', rule: 'DIRECTORY.AGENCY_TYPE_NOT_ALLOWED' },
    ]);
  });

  it('takes English codes and common aliases, and rejects a profile on a commission unit', async () => {
    const file = await workbook({
      单位: [
        UNIT_HEADER,
        ['H9', '县中医院', 'institution', 'X1', '中医院', 'public', '二级', '乙', CODE_B, '某县某路', '李四', '0571-8888666'],
        ['X1', '某县卫生健康局', '县（区）', 'C01', '', '', '', '', '', '', '', '0571-88886666'],
      ],
    });
    const { import: parsed, rejected } = await parseDirectoryFile(file, 'xlsx');
    expect(parsed.units.map((u) => u.input.profile?.institutionType)).toEqual(['tcm_hospital']);
    expect(parsed.units[0]!.input.profile).toMatchObject({ ownership: 'public', level: 'level2', grade: 'yi' });
    expect(where(rejected)).toEqual([{ sheet: 'units', row: 3, field: 'profile.contactPhone', rule: 'DIRECTORY.PROFILE_NOT_ALLOWED' }]);
  });

  it('turns numbers Excel stored as numbers back into the codes and phones typed', async () => {
    const file = await workbook(
      {
        单位: [
          UNIT_HEADER,
          [123, '某医院', '医疗机构', 'C01', '综合医院', '公立', '一级', '未评等', CODE_A, '某地', '王五', 57188886666],
          ['H2', '某医院二', '医疗机构', 'C01', '综合医院', '公立', '一级', '未评等', 123456789012345680, '某地', '王五', 13900000000],
        ],
      },
      (book) => {
        book.getWorksheet('单位')!.getCell('A2').numFmt = '000000';
      },
    );
    const { import: parsed, rejected } = await parseDirectoryFile(file, 'xlsx');
    expect(parsed.units[0]!.input.id).toBe('000123');
    expect(parsed.units[0]!.input.profile?.contactPhone).toBe('057188886666');
    expect(where(rejected)).toEqual([{ sheet: 'units', row: 3, field: 'profile.creditCode', rule: 'DIRECTORY.NUMBER_PRECISION_LOST' }]);
  });

  it('finds the header under a title row and normalises headers as offices decorate them', async () => {
    const file = await workbook({
      Sheet1: [['杭州市医疗机构科室名单'], ['*科室编码', '所属机构编码（必填）', '科室 名称'], ['D1', 'H1', '儿科']],
    });
    const { import: parsed, rejected } = await parseDirectoryFile(file, 'xlsx');
    expect(rejected).toEqual([]);
    expect(parsed.departments).toEqual([{ ref: { sheet: 'departments', row: 3 }, input: { id: 'D1', institutionId: 'H1', name: '儿科' } }]);
  });

  it('reports unknown, repeated and missing columns once, on the header row', async () => {
    const file = await workbook({
      用户: [
        ['用户编码', '登录名', '姓名', '角色', '角色', '备注'],
        ['u1', 'a', '甲', '医院', '医院', 'x'],
      ],
    });
    const { import: parsed, rejected } = await parseDirectoryFile(file, 'xlsx');
    expect(where(rejected)).toEqual([
      { sheet: 'users', row: 1, field: 'role', rule: 'DIRECTORY.IMPORT_DUPLICATE_COLUMN' },
      { sheet: 'users', row: 1, field: '备注', rule: 'DIRECTORY.IMPORT_UNKNOWN_COLUMN' },
      { sheet: 'users', row: 1, field: 'phone', rule: 'DIRECTORY.IMPORT_MISSING_COLUMN' },
      { sheet: 'users', row: 1, field: 'unitId', rule: 'DIRECTORY.IMPORT_MISSING_COLUMN' },
    ]);
    expect(rejected[2]!.message).toBe('用户表第1行（表头）缺少必填列「手机号」');
    expect(parsed.users).toEqual([]);
  });

  it('reads only the sheet asked for', async () => {
    const file = await workbook({
      单位: [UNIT_HEADER, ['P01', '省卫健委', '省级']],
      科室: [DEPARTMENT_HEADER, ['D1', 'H1', '儿科']],
    });
    const { import: parsed } = await parseDirectoryFile(file, 'xlsx', 'departments');
    expect([parsed.units.length, parsed.departments.length]).toEqual([0, 1]);
  });
});
