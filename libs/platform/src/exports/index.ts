export * from './xlsx-text-integrity';
export * from './code-points';
export * from './office-dates';
export * from './office-sheet.types';
export * from './office-sheet';
export * from './office-csv';
export * from './office-heading';
