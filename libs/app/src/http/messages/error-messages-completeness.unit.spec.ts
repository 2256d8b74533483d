import { join } from 'node:path';
import * as classValidator from 'class-validator';
import { CAMPAIGN_ERRORS } from '@bihuan/campaigns';
import { COMPLAINT_ERRORS } from '@bihuan/complaints';
import { CREDIT_ERRORS } from '@bihuan/credit';
import { DOCUMENTS_ERRORS } from '@bihuan/documents';
import { ACCOUNT_ERRORS } from '@bihuan/identity';
import { ETHICS_ERRORS } from '@bihuan/ethics';
import { INSPECTION_ERRORS } from '@bihuan/inspection';
import { NOTICE_ERRORS } from '@bihuan/notices';
import { PRIVACY_ERRORS } from '@bihuan/privacy';
import { REFERRAL_ERRORS } from '@bihuan/referrals';
import { codeOfStatus } from '../error-body';
import { productionSources, REPO_ROOT, scan } from '../../catalogue/source-scan';
import { zhTemplateOf } from './error-messages';
import { VALIDATION_RULE_MESSAGES } from './validation-rule-messages';

/**
 * Every error code declared anywhere must have a zh-CN message: the contexts' registries
 * (*-errors.ts), every code literal in production source (`new DomainError('AUTH.…'`,
 * `DomainError.invalid('POLICY.…'`, a rule code in a field problem, an HttpException's `code:`),
 * the codes core's inputRules makes for each prefix, and the HTTP layer's status codes. Every DTO
 * constraint in use must have a Chinese rule sentence.
 */
const sources = [...productionSources(join(REPO_ROOT, 'libs')), ...productionSources(join(REPO_ROOT, 'apps'))];
const CJK = /[\u3400-\u9fff]/;

const tables: ReadonlyArray<readonly [prefix: string, table: object]> = [
  ['INSPECTION', INSPECTION_ERRORS],
  ['COMPLAINT', COMPLAINT_ERRORS],
  ['ETHICS', ETHICS_ERRORS],
  ['CREDIT', CREDIT_ERRORS],
  ['CAMPAIGN', CAMPAIGN_ERRORS],
  ['NOTICE', NOTICE_ERRORS],
  ['PRIVACY', PRIVACY_ERRORS],
  ['DOCUMENTS', DOCUMENTS_ERRORS],
  ['REFERRAL', REFERRAL_ERRORS],
  ['AUTH', ACCOUNT_ERRORS],
];
const registries = tables.flatMap(([prefix, table]) => Object.keys(table).map((name) => `${prefix}.${name}`));
const literals = scan(sources, /'([A-Z][A-Z0-9]*\.[A-Z][A-Z0-9_]*)'/g).map((f) => f.name);
const httpCodes = scan(
  sources.filter((f) => /[/\\]libs[/\\](app|platform|auth|complaints)[/\\]/.test(f)),
  /\bcode: '([A-Z][A-Z_]+)'(?! \|)/g,
).map((f) => f.name);
const inputRuleCodes = scan(sources, /inputRules\(\{\s*prefix: '([A-Z]+)'/g).flatMap((f) =>
  ['FIELD_REQUIRED', 'TEXT_TOO_LONG', 'DATE_INVALID', 'ROLE_FORBIDDEN'].map((rule) => `${f.name}.${rule}`),
);
const statusCodes = [400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 500, 503].map(codeOfStatus);
const codes = [...new Set([...registries, ...literals, ...httpCodes, ...inputRuleCodes, ...statusCodes])].sort();

/** class-validator decorators in DTOs, by the constraint name their errors carry. */
const decorators = scan(sources, /@([A-Z][A-Za-z0-9]+)\(/g).map((f) => f.name);
const NOT_CONSTRAINTS = new Set(['IsOptional', 'ValidateIf', 'Allow', 'ValidateBy', 'ValidatePromise']);
/**
 * The name a decorator's errors carry, as class-validator exports it (`IsISO8601` → `IS_ISO8601` =
 * 'isIso8601', not 'isISO8601'); decorators without such a constant lower their first letter.
 */
const constraintOf = (decorator: string): string => {
  if (decorator === 'ValidateNested') return 'nestedValidation';
  const constant = (classValidator as unknown as Record<string, unknown>)[decorator.replace(/(?<=[a-z0-9])(?=[A-Z])/g, '_').toUpperCase()];
  return typeof constant === 'string' ? constant : decorator[0]!.toLowerCase() + decorator.slice(1);
};
const builtIn = decorators.filter((d) => d in classValidator && !NOT_CONSTRAINTS.has(d)).map(constraintOf);
const custom = scan(sources, /ValidateBy\(\s*\{\s*name: '(\w+)'|registerDecorator\(\{[^}]*?name: '(\w+)'/g).map((f) => f.name);
const constraints = [...new Set([...builtIn, ...custom, 'whitelistValidation', 'wellFormedUnicode', 'maxDepth'])].sort();

describe('the message catalogue of error codes', () => {
  it('finds the codes it checks (the scan works)', () => {
    expect(codes).toEqual(
      expect.arrayContaining([
        'AUTH.INVALID_TOKEN',
        'POLICY.OUT_OF_RANGE',
        'DIRECTORY.INVALID_PHONE',
        'MALFORMED_JSON',
        'VALIDATION',
        'CREDIT.TEXT_TOO_LONG',
      ]),
    );
    expect(constraints).toEqual(expect.arrayContaining(['isString', 'maxLength', 'isIn', 'isPageCursor', 'nestedValidation']));
  });

  it.each(codes)('has a Chinese message for %s', (code) => {
    const template = zhTemplateOf(code);
    expect({ code, chinese: template !== undefined && CJK.test(template) }).toEqual({ code, chinese: true });
  });

  it.each(constraints)('has a Chinese sentence for the DTO rule %s', (rule) => {
    expect({ rule, chinese: CJK.test(VALIDATION_RULE_MESSAGES[rule] ?? '') }).toEqual({ rule, chinese: true });
  });
});
