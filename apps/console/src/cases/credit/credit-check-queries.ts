import { Schemas } from '../../client/client';

export type CreditCheckAnswer = Schemas['CreditCheckAnswerDto'];
export type CreditCheckRow = Schemas['CreditCheckRowDto'];
export type CreditApplicant = Pick<Schemas['CreditCheckDto'], 'subjectKind' | 'identifier' | 'purpose' | 'applicationRef'>;

/** The offices' list of checks sits under this key: a new check refreshes it. */
export const CREDIT_CHECKS_KEY = ['credit-checks'] as const;

/**
 * The shape of each identifier, as a hint while typing: the API checks the check character
 * (GB 32100, GB 11643) and its refusal is the rule. 统一社会信用代码 uses no I, O, S, V or Z.
 */
export const IDENTIFIER_SHAPES: Readonly<Record<string, { pattern: RegExp; hint: string; label: string }>> = {
  organisation: {
    pattern: /^\s*[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{18}\s*$/,
    hint: '统一社会信用代码为 18 位数字或大写字母（不含 I、O、S、V、Z）',
    label: '统一社会信用代码',
  },
  person: {
    pattern: /^\s*\d{17}[\dXx]\s*$/,
    hint: '居民身份证号为 18 位，末位为数字或 X',
    label: '居民身份证号',
  },
};

/**
 * The rule that decided a level, in Chinese. The API states it in the words of its level rule
 * (libs/credit credit-level.ts: `cycle points >= 12`, `2 adverse items in 3 years` …, `withheld`
 * where the black list decided and the reader may not know it); anything else is shown as given.
 */
export function levelReasonText(reason: string): string {
  const rules: [RegExp, (m: RegExpMatchArray) => string][] = [
    [/^withheld$/, () => '依规定不予显示（仅联合惩戒部门可查看）'],
    [/^no archive$/, () => '无信用档案，未发现不良信息'],
    [/^black list$/, () => '列入黑名单'],
    [/^cycle points >= (\d+)$/, (m) => `本校验期记分达到 ${m[1]} 分`],
    [/^measure at (\d+) points imposed this cycle$/, (m) => `本校验期已因记分达 ${m[1]} 分采取处理措施`],
    [/^measure imposed this cycle$/, () => '本校验期已采取处理措施'],
    [/^(\d+) adverse items in (\d+) years$/, (m) => `近 ${m[2]} 年有 ${m[1]} 条不良信息`],
    [/^points this cycle$/, () => '本校验期有不良执业记分'],
    [/^adverse item within (\d+) years$/, (m) => `近 ${m[1]} 年有不良信息`],
    [/^clean for (\d+) years$/, (m) => `近 ${m[1]} 年无不良信息`],
  ];
  for (const [pattern, text] of rules) {
    const match = pattern.exec(reason);
    if (match) return text(match);
  }
  return reason;
}

/** Level colours, best to worst. */
export const LEVEL_COLORS: Readonly<Record<string, string>> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };
