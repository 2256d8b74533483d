import contentDisposition from 'content-disposition';
import { attachmentDisposition } from './content-disposition';
import { csvCell, csvDocument } from './csv';

describe('csvCell', () => {
  it.each(["=cmd|' /C calc'!A0", '@SUM(A1:A9)', '-2+3', '+86 138', '\t=1', '\r=1'])('neutralises text starting a formula: %j', (text) => {
    expect(csvCell(text).replace(/^"/, '').startsWith("'")).toBe(true);
  });

  it('leaves numbers the code writes as numbers, and ordinary text as it is', () => {
    expect(csvCell(-10)).toBe('-10');
    expect(csvCell(3.5)).toBe('3.5');
    expect(csvCell('收受红包')).toBe('收受红包');
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell(null)).toBe('');
  });

  it('writes a BOM, CRLF lines and quotes a neutralised cell that needs quoting', () => {
    expect(
      csvDocument([
        ['序号', '问题'],
        [1, '=HYPERLINK("http://x","点")'],
      ]).toString('utf8'),
    ).toBe('\uFEFF序号,问题\r\n1,"\'=HYPERLINK(""http://x"",""点"")"\r\n');
  });
});

describe('attachmentDisposition', () => {
  it('gives an ASCII fallback and the UTF-8 name (RFC 6266 / 5987)', () => {
    const header = attachmentDisposition('整改台账-甲市第一人民医院-2025-03-03.csv', 'ledger-hosp-a1-1-2025-03-03.csv');
    expect(header).toBe(
      'attachment; filename="ledger-hosp-a1-1-2025-03-03.csv"; filename*=UTF-8\'\'%E6%95%B4%E6%94%B9%E5%8F%B0%E8%B4%A6-%E7%94%B2%E5%B8%82%E7%AC%AC%E4%B8%80%E4%BA%BA%E6%B0%91%E5%8C%BB%E9%99%A2-2025-03-03.csv',
    );
    expect(contentDisposition.parse(header).parameters['filename']).toBe('整改台账-甲市第一人民医院-2025-03-03.csv');
  });

  it('keeps a hostile name inside the header: quotes, separators, CR/LF, path parts', () => {
    for (const name of ['ethics-x"; filename="evil.exe.xlsx', 'ethics-\r\nSet-Cookie: a=b.xlsx', '../../etc/passwd', 'a\\b.xlsx']) {
      const header = attachmentDisposition(name);
      expect(header).not.toMatch(/[\r\n]/);
      const parsed = contentDisposition.parse(header);
      expect(parsed.type).toBe('attachment');
      expect(parsed.parameters['filename']).not.toMatch(/[/\\\r\n]/);
    }
    expect(contentDisposition.parse(attachmentDisposition('ethics-x"; filename="evil.exe.xlsx')).parameters['filename']).toBe(
      'ethics-x"; filename="evil.exe.xlsx',
    );
  });
});
