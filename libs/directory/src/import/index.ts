export { parseDirectoryFile, DirectoryFileFormat, DirectoryFileParse } from './parse-directory-file';
export { writeDirectoryWorkbook, directoryTemplate } from './directory-workbook.writer';
export { writeDirectoryCsv } from './directory-csv.writer';
export { DirectorySnapshot } from './export-rows';
export { DirectoryFileProblem, DirectoryImportLimits, DEFAULT_DIRECTORY_IMPORT_LIMITS } from './sheet-source';
export { decodeCsv, CsvEncoding } from './csv-source';
export { DIRECTORY_COLUMNS, ColumnSpec } from './directory-columns';
export { DirectorySheet, DIRECTORY_SHEETS, DIRECTORY_SHEET_NAMES, DIRECTORY_ROLE_LABELS, UNIT_KIND_LABELS } from './directory-vocabulary';
