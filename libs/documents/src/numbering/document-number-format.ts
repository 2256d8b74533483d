import { documentsError } from '../documents-errors';

/** What a number format may name. */
export interface NumberParts {
  readonly unitShort: string;
  readonly unitName: string;
  readonly year: number;
  readonly n: number;
}

const KNOWN = new Set(['unitShort', 'unitName', 'year', 'n']);

/**
 * 东城卫健监整〔2026〕12号 from `{unitShort}卫健监整〔{year}〕{n}号`. A format that lacks {year} or
 * {n}, or names anything else, is refused (422) before a number is taken: it could print the same
 * number twice, or a brace where a value should be.
 */
export function formatDocumentNo(format: string, parts: NumberParts): string {
  assertNumberFormat(format);
  return format.replace(/\{([A-Za-z]+)\}/g, (_all, name: string) => String(parts[name as keyof NumberParts]));
}

/** `setting`: the policy setting the format came from, named in the refusal so an admin knows which to fix. */
export function assertNumberFormat(format: unknown, setting = 'documents.numberFormat'): asserts format is string {
  if (typeof format !== 'string' || format.trim() === '') {
    throw documentsError('NUMBER_FORMAT_INVALID', `The document number format (${setting}) is empty`, { setting, empty: true });
  }
  const names = [...format.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1] ?? '');
  const unknown = names.filter((n) => !KNOWN.has(n));
  if (unknown.length > 0) {
    const placeholders = unknown.map((u) => `{${u}}`);
    throw documentsError(
      'NUMBER_FORMAT_INVALID',
      `The document number format (${setting}) has unknown placeholders: ${placeholders.join(', ')}`,
      {
        setting,
        unknown: placeholders,
      },
    );
  }
  if (!names.includes('n') || !names.includes('year')) {
    throw documentsError(
      'NUMBER_FORMAT_INVALID',
      `The document number format (${setting}) must contain {year} and {n} (numbers run per unit and year)`,
      {
        setting,
        required: ['{year}', '{n}'],
      },
    );
  }
}
