import ExcelJS from 'exceljs';
import { DirectorySnapshot } from './export-rows';
import { creditCode } from './directory-import.spec-support';
import { directoryTemplate, writeDirectoryWorkbook } from './directory-workbook.writer';
import { writeDirectoryCsv } from './directory-csv.writer';
import { parseDirectoryFile } from './parse-directory-file';

const SNAPSHOT: DirectorySnapshot = {
  units: [
    { id: 'P01', name: '浙江省卫生健康委员会', kind: 'province', parentId: null },
    { id: 'C01', name: '杭州市卫生健康委员会', kind: 'city', parentId: 'P01' },
    { id: 'X01', name: '上城区卫生健康局', kind: 'county', parentId: 'C01' },
    {
      id: '000123',
      name: '杭州市第一人民医院（东院）',
      kind: 'institution',
      parentId: 'X01',
      profile: {
        institutionType: 'general_hospital',
        ownership: 'public',
        level: 'level3',
        grade: 'jia',
        creditCode: creditCode('12330100470000001'),
        address: '杭州市上城区浣纱路261号',
        legalRepresentative: '张三',
        contactPhone: '0571-56006000',
      },
    },
    {
      id: 'H-002',
      name: '=某社区卫生服务中心',
      kind: 'institution',
      parentId: 'X01',
      profile: {
        institutionType: 'primary_care',
        ownership: 'social',
        level: 'unrated',
        grade: 'none',
        creditCode: creditCode('52330100MJ0000001'),
        address: '某路1号, "二楼"',
        legalRepresentative: '李四',
        contactPhone: '13900000000',
      },
    },
  ],
  departments: [{ id: 'D01', institutionId: '000123', name: '心血管内科' }],
  users: [
    { id: 'u1', username: 'admin', name: '王五', phone: '13812345678', role: 'admin', unitId: 'P01', departmentId: null, status: 'active' },
    {
      id: 'u2',
      username: 'li.si@hz',
      name: '李四',
      phone: '13812345679',
      role: 'hospital',
      unitId: '000123',
      departmentId: 'D01',
      status: 'disabled',
    },
    {
      id: 'u3',
      username: 'inspector1',
      name: '赵六',
      phone: '0571-88886666',
      role: 'inspector',
      unitId: 'C01',
      departmentId: null,
      status: 'active',
    },
    {
      id: 'u4',
      username: 'partner1',
      name: '钱七',
      phone: '13812345670',
      role: 'partner',
      unitId: 'C01',
      departmentId: null,
      status: 'active',
    },
    {
      id: 'u5',
      username: 'leader1',
      name: '孙八',
      phone: '13812345671',
      role: 'leader',
      unitId: 'C01',
      departmentId: null,
      status: 'active',
    },
  ],
};

const inputs = (parsed: Awaited<ReturnType<typeof parseDirectoryFile>>): DirectorySnapshot => ({
  units: parsed.import.units.map((i) => i.input),
  departments: parsed.import.departments.map((i) => i.input),
  users: parsed.import.users.map((i) => i.input),
});

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  return book;
}

describe('directory export', () => {
  it('writes a workbook that reads back to the same inputs', async () => {
    const parsed = await parseDirectoryFile(await writeDirectoryWorkbook(SNAPSHOT), 'xlsx');
    expect(parsed.rejected).toEqual([]);
    expect(inputs(parsed)).toEqual(SNAPSHOT);
  });

  it('writes CSV files (UTF-8 with BOM) that read back to the same inputs', async () => {
    const read = async (sheet: 'units' | 'departments' | 'users') => {
      const csv = writeDirectoryCsv(SNAPSHOT, sheet);
      expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      return parseDirectoryFile(csv, 'csv', sheet);
    };
    const [units, departments, users] = await Promise.all([read('units'), read('departments'), read('users')]);
    expect([...units.rejected, ...departments.rejected, ...users.rejected]).toEqual([]);
    expect({ units: inputs(units).units, departments: inputs(departments).departments, users: inputs(users).users }).toEqual(SNAPSHOT);
  });

  it('writes Chinese labels, neutralises formula-like text in CSV and quotes as RFC 4180 says', () => {
    const lines = writeDirectoryCsv(SNAPSHOT, 'units').toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(
      '单位编码,单位名称,层级,上级单位编码,机构类别,所有制,医院等级,等次,统一社会信用代码,地址,法定代表人,联系电话,协同部门类别',
    );
    expect(lines[1]).toBe('P01,浙江省卫生健康委员会,省级,,,,,,,,,,');
    expect(lines[4]).toContain('000123,杭州市第一人民医院（东院）,医疗机构,X01,综合医院,公立,三级,甲等,');
    expect(lines[5]).toContain(`H-002,'=某社区卫生服务中心,医疗机构,X01,基层医疗卫生机构,社会办,未定级,未评等,`);
    expect(lines[5]).toContain('"某路1号, ""二楼"""');
  });

  it('dresses the workbook: bold frozen header, widths, text codes, dropdowns for list columns', async () => {
    const book = await load(await writeDirectoryWorkbook(SNAPSHOT));
    expect(book.worksheets.map((s) => s.name)).toEqual(['单位', '科室', '用户']);
    const units = book.getWorksheet('单位')!;
    expect(units.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(units.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(units.getColumn(2).width).toBe(30);
    expect(units.getCell('A5').value).toBe('000123');
    expect(units.getColumn(1).numFmt).toBe('@');
    const validations = (units as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    expect(validations['C2']).toMatchObject({ type: 'list', formulae: ['"省级,市级,县级,医疗机构,协同部门"'] });
    expect(validations['E1006']).toMatchObject({
      formulae: ['"综合医院,中医医院,中西医结合医院,专科医院,妇幼保健机构,基层医疗卫生机构,专业公共卫生机构,其他医疗机构"'],
    });
    const users = book.getWorksheet('用户')!;
    const userValidations = (users as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations
      .model;
    expect(userValidations['E2']).toMatchObject({ formulae: ['"管理员,领导,监督员,医院,协同单位"'] });
    expect(userValidations['H2']).toMatchObject({ formulae: ['"在用,停用"'] });
  });

  it('offers an empty template with headers, dropdowns and a guide, which imports as nothing', async () => {
    const template = await directoryTemplate();
    const book = await load(template);
    expect(book.worksheets.map((s) => s.name)).toEqual(['单位', '科室', '用户', '说明']);
    expect(book.getWorksheet('科室')!.getRow(1).values).toEqual([undefined, '科室编码', '所属机构编码', '科室名称']);
    expect(book.getWorksheet('说明')!.getCell('C6').value).toBe(
      '医疗机构必填，最长100字；可选：综合医院、中医医院、中西医结合医院、专科医院、妇幼保健机构、基层医疗卫生机构、专业公共卫生机构、其他医疗机构',
    );
    const parsed = await parseDirectoryFile(template, 'xlsx');
    expect(parsed).toEqual({ import: { units: [], departments: [], users: [] }, rejected: [] });
  });
});
