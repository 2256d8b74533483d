/**
 * GB/T 9704 (党政机关公文格式), the one home of the printed layout every generated document shares:
 * 仿宋_GB2312 三号 body, 方正小标宋简体 二号 title, 28 pt lines, A4 with 37/35/28/26 mm margins.
 * Sizes are in half-points, as Word stores them.
 */
const font = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });

export const OFFICIAL_BODY_FONT = font('仿宋_GB2312');
export const OFFICIAL_TITLE_FONT = font('方正小标宋简体');
/** 黑体: headings inside the body (一、二、…) and table headers. */
export const OFFICIAL_HEADING_FONT = font('黑体');
/** 宋体: table cells, where 仿宋 三号 would not fit an A4 width. */
export const OFFICIAL_TABLE_FONT = font('宋体');
export const OFFICIAL_BODY_SIZE = 32; // 16 pt, 三号
export const OFFICIAL_TITLE_SIZE = 44; // 22 pt, 二号
export const OFFICIAL_TABLE_SIZE = 21; // 10.5 pt, 五号
/** 28 pt lines, as a 22-line page gives. */
export const OFFICIAL_LINE = { line: 560, lineRule: 'exact' as const };
/** A4 and its margins, in millimetres. */
export const OFFICIAL_PAGE_MM = { width: 210, height: 297, top: 37, bottom: 35, left: 28, right: 26 } as const;
