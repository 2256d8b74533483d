import { useMutation } from '@tanstack/react-query';
import { App } from 'antd';
import type { FormInstance } from 'antd';
import { ApiError, messageOf } from '../client/errors';

/**
 * A step's submission: on success a Chinese confirmation, the form cleared and the page refreshed
 * (`refresh` invalidates its queries so the timeline and state follow); on refusal the API's
 * Chinese message, also put under the fields it names. The one way to run a step in every workspace:
 * the inspector's pages pass `refresh: () => refreshAfterStep(caseKey)` (inspector-api's
 * useRefreshAfterStep, which also refreshes its lists), the hospital's forms pass their form.
 */
export function useStepMutation<Values, Result = unknown>(options: {
  form?: FormInstance<Values>;
  send: (values: Values) => Promise<Result>;
  done: string;
  refresh: () => Promise<unknown>;
  /**
   * What follows the answer (open the new case's page, pass its id up), run before the refresh: a
   * per-call `mutate(…, { onSuccess })` is dropped when the refresh unmounts the form first.
   */
  then?: (result: Result) => void;
}) {
  const { message } = App.useApp();
  return useMutation({
    mutationFn: options.send,
    onSuccess: async (result) => {
      void message.success(options.done);
      options.form?.resetFields();
      options.then?.(result);
      await options.refresh();
    },
    onError: (error) => {
      void message.error(messageOf(error));
      if (error instanceof ApiError && options.form) {
        const values = options.form.getFieldsValue(true) as Record<string, unknown>;
        const fields = error.fields.flatMap((problem) => {
          const name = formFieldOf(values, problem.field);
          return name === null ? [] : [{ name, errors: [problem.message] }];
        });
        if (fields.length) options.form.setFields(fields as Parameters<FormInstance<Values>['setFields']>[0]);
      }
    },
  });
}

/**
 * The form field an API field path names: the nested field when the form holds one (`period.to` →
 * ['period', 'to']), else its top-level field (`inspectorIds[0]` → 'inspectorIds'); null when the
 * form has no such field.
 */
function formFieldOf(values: Record<string, unknown>, path: string): string | string[] | null {
  const parts = path.replace(/\[\d+\]/g, '').split('.');
  const top = parts[0]!;
  if (!(top in values)) return null;
  let node: unknown = values;
  for (const part of parts) {
    if (typeof node !== 'object' || node === null || !(part in node)) return top;
    node = (node as Record<string, unknown>)[part];
  }
  return parts.length > 1 ? parts : top;
}

/** The rule of a text field the API caps at `max` characters (required unless said). */
export const textRules = (label: string, max: number, required = true) => [
  ...(required ? [{ required: true, whitespace: true, message: `请填写${label}` }] : []),
  { max, message: `${label}不能超过 ${max} 个字` },
];
