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
export function useStepMutation<Values, Answer = unknown>(options: {
  form?: FormInstance<Values>;
  send: (values: Values) => Promise<Answer>;
  done: string;
  refresh: () => Promise<unknown>;
}) {
  const { message } = App.useApp();
  return useMutation({
    mutationFn: options.send,
    onSuccess: async () => {
      void message.success(options.done);
      options.form?.resetFields();
      await options.refresh();
    },
    onError: (error) => {
      void message.error(messageOf(error));
      if (error instanceof ApiError && options.form) {
        const values = options.form.getFieldsValue(true) as Record<string, unknown>;
        const fields = error.fields
          .map((problem) => ({ path: problem.field.replace(/\[\d+\]/g, '').split('.'), errors: [problem.message] }))
          .filter(({ path }) => path[0]! in values)
          // A nested field (identity.phone) goes under its own input when the form has one, else under its parent.
          .map(({ path, errors }) => ({ name: path.length > 1 && nestedIn(values, path) ? path : path[0]!, errors }));
        if (fields.length) options.form.setFields(fields as Parameters<FormInstance<Values>['setFields']>[0]);
      }
    },
  });
}

/** Whether the form's values hold `path` (a nested input the form renders). */
function nestedIn(values: Record<string, unknown>, path: readonly string[]): boolean {
  let node: unknown = values;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || !(key in node)) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return true;
}

/** The rule of a text field the API caps at `max` characters (required unless said). */
export const textRules = (label: string, max: number, required = true) => [
  ...(required ? [{ required: true, whitespace: true, message: `请填写${label}` }] : []),
  { max, message: `${label}不能超过 ${max} 个字` },
];
