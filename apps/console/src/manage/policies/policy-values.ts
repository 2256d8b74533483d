/**
 * A policy as rows of settings: objects are walked, anything else (a number, a text, a switch, a
 * list) is one setting at its dotted path, e.g. `answerWorkingDays.simple`. The edit form works on
 * these rows; what is sent is only what differs from the defaults (the API's `overrides`).
 */
export type SettingValue = number | string | boolean | null | readonly unknown[];

export interface Setting {
  readonly path: string;
  readonly value: unknown;
  readonly defaultValue: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every setting of `current`, with its default beside it, in the defaults' order. */
export function settingsOf(current: Record<string, unknown>, defaults: Record<string, unknown>, prefix = ''): Setting[] {
  const keys = [...new Set([...Object.keys(defaults), ...Object.keys(current)])];
  return keys.flatMap((key) => {
    const path = prefix ? `${prefix}.${key}` : key;
    const value = current[key];
    const defaultValue = defaults[key];
    if (isObject(value) || isObject(defaultValue))
      return settingsOf(isObject(value) ? value : {}, isObject(defaultValue) ? defaultValue : {}, path);
    return [{ path, value, defaultValue }];
  });
}

export const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The overrides that give `values` (path → value): each setting that differs from its default, nested again. */
export function overridesOf(values: Readonly<Record<string, unknown>>, settings: readonly Setting[]): Record<string, unknown> {
  const overrides: Record<string, unknown> = {};
  for (const { path, defaultValue } of settings) {
    if (!(path in values) || sameValue(values[path], defaultValue)) continue;
    const keys = path.split('.');
    let node = overrides;
    for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[keys[keys.length - 1]!] = values[path];
  }
  return overrides;
}

/** The setting an API field problem points at: `overrides.uses.public.kinds[1]` → `uses.public.kinds`. */
export function settingOfField(field: string, settings: readonly Setting[]): string | null {
  const path = field.replace(/^overrides\./, '').replace(/\[\d+\]/g, '');
  const exact = settings.find((setting) => setting.path === path);
  if (exact) return exact.path;
  // A problem under a list or a map of its own (`thresholds[0].points`) belongs to that setting.
  return settings.find((setting) => path.startsWith(`${setting.path}.`))?.path ?? null;
}

/** How a value reads in the table and the history. */
export function valueText(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return value.every((item) => typeof item !== 'object') ? value.join('、') || '（空）' : JSON.stringify(value);
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * How a list setting is edited: a list of numbers or of texts as tags (each value one tag), any
 * other list or map as JSON text. Judged by the default's items, else the current value's; an empty
 * list with no default items is JSON (nothing says what its items are).
 */
export function listKindOf(setting: Setting): 'numbers' | 'texts' | 'json' {
  const items = [setting.defaultValue, setting.value].find((v): v is unknown[] => Array.isArray(v) && v.length > 0);
  if (!items) return 'json';
  if (items.every((item) => typeof item === 'number')) return 'numbers';
  if (items.every((item) => typeof item === 'string')) return 'texts';
  return 'json';
}

/** The form's value of a setting: tags as texts for a list of values, JSON text for other lists and maps. */
export function formValueOf(setting: Setting): unknown {
  if (typeof setting.defaultValue !== 'object' || setting.defaultValue === null) return setting.value;
  const kind = listKindOf(setting);
  if (kind !== 'json' && Array.isArray(setting.value)) return setting.value.map(String);
  return JSON.stringify(setting.value);
}

/** The setting's value from the form: numbers from number tags (a tag that is no number is left as typed, and refused). */
export function valueOfForm(setting: Setting, value: unknown): unknown {
  if (typeof setting.defaultValue !== 'object' || setting.defaultValue === null) return value;
  const kind = listKindOf(setting);
  if (kind === 'numbers' && Array.isArray(value)) return value.map((tag) => (isNumberText(tag) ? Number(tag) : tag));
  if (kind === 'texts' && Array.isArray(value)) return value.map((tag) => String(tag).trim()).filter((tag) => tag !== '');
  return typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
}

export const isNumberText = (tag: unknown): boolean => typeof tag === 'string' && tag.trim() !== '' && Number.isFinite(Number(tag));
