import { CONTEXT_ERROR_MESSAGES } from './context-error-messages';
import { LABELLED } from './labelled-values';
import { HTTP_ERROR_MESSAGES, INPUT_RULE_MESSAGES, PLATFORM_ERROR_MESSAGES } from './platform-error-messages';
import { DATE_PATTERN_MESSAGE, UNKNOWN_RULE_MESSAGE, VALIDATION_RULE_MESSAGES } from './validation-rule-messages';

/**
 * The message catalogue of error codes: a zh-CN template per stable code, from the contexts'
 * registries (context-error-messages.ts) and the platform's and HTTP layer's own codes. The English
 * text is the one the code was thrown with, so it stays exactly what clients saw before.
 */
export const ERROR_MESSAGES_ZH: Readonly<Record<string, string>> = {
  ...PLATFORM_ERROR_MESSAGES,
  ...CONTEXT_ERROR_MESSAGES,
  ...HTTP_ERROR_MESSAGES,
};

/** The zh-CN template of a code: its own, else the shared input rule it is named after (`ETHICS.TEXT_TOO_LONG`). */
export function zhTemplateOf(code: string): string | undefined {
  const own = ERROR_MESSAGES_ZH[code];
  if (own !== undefined) return own;
  const rule = code.slice(code.lastIndexOf('.') + 1);
  return code.includes('.') ? INPUT_RULE_MESSAGES[rule] : undefined;
}

type Values = Readonly<Record<string, unknown>>;

function text(value: unknown): string | undefined {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map((v) => String(v)).join('、');
  return undefined;
}

/** A label's own `{name}`s, filled from the error's values as they are (one level: no labels of labels). */
function labelText(label: string, values: Values): string {
  return label.replace(/\{(\w+)\}/g, (_whole, name: string) => text(values[name]) ?? '');
}

function valueText(name: string, values: Values): string | undefined {
  if (name === 'field') return typeof values['field'] === 'string' && values['field'] !== '' ? `字段 ${values['field']}` : '该字段';
  const labels = LABELLED[name];
  const raw = values[name];
  if (!labels) return text(raw);
  const label = (v: unknown): unknown => {
    const found = labels[String(v)];
    return found === undefined ? v : labelText(found, values);
  };
  return text(Array.isArray(raw) ? raw.map(label) : raw === undefined ? raw : label(raw));
}

/**
 * Fills `{field}` ("字段 dueDate", or 该字段 when the error names none) and every other `{name}`
 * from `values`. A `[…]` segment is shown only when every placeholder in it has a value, so a
 * template can say more where an error carries more (`当前角色[（{role}）]无权进行此操作`); a
 * `{?name}` only asks whether the value is there and shows nothing, so one code thrown for several
 * reasons can say which (`[{?empty}不能为空]`). One pass: a value that itself looks like a
 * placeholder (`{year}` in a document number format) is shown as it is.
 */
export function renderTemplate(template: string, values: Values): string {
  const has = (name: string): boolean => (valueText(name, values) ?? '') !== '';
  const fill = (part: string): string =>
    part.replace(/\{(\??)(\w+)\}/g, (_whole, ask: string, name: string) => (ask ? '' : (valueText(name, values) ?? '')));
  return template
    .replace(/\[([^[\]]*)\]|\{\??\w+\}/g, (whole, inner: string | undefined) => {
      if (inner === undefined) return fill(whole);
      const names = [...inner.matchAll(/\{\??(\w+)\}/g)].map((m) => m[1]!);
      return names.every(has) ? fill(inner) : '';
    })
    .replace(/该字段 /g, '该字段')
    .replace(/ {2,}/g, ' ')
    .replace(/ ([：，。；）])/g, '$1')
    .trim();
}

/** zh-CN message of a coded error, or undefined when the catalogue has none (the completeness test forbids that). */
export function zhErrorMessage(code: string, values: Values): string | undefined {
  const template = zhTemplateOf(code);
  return template === undefined ? undefined : renderTemplate(template, values);
}

/**
 * The zh-CN sentence for a broken DTO rule. class-validator puts a constraint's arguments only
 * into its English message, so numbers (`{n}`, `{m}`) and an `isIn` list (`{values}`) are read
 * from there, after the field name it starts with.
 */
export function zhRuleMessage(field: string, rule: string, english: string): string {
  const rest = english.startsWith(field) ? english.slice(field.length) : english;
  const numbers = rest.match(/-?\d+(?:\.\d+)?/g) ?? [];
  const listed = /following values:\s*(.*)$/.exec(rest)?.[1];
  const values = { field, rule, n: numbers[0], m: numbers[1], values: listed?.split(/,\s*/) };
  const template =
    rule === 'matches' && /YYYY-MM-DD/.test(english)
      ? DATE_PATTERN_MESSAGE
      : (VALIDATION_RULE_MESSAGES[rule] ?? zhTemplateOf(rule) ?? UNKNOWN_RULE_MESSAGE);
  return renderTemplate(template, values);
}
