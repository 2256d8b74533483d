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
export function useStepMutation<Values>(options: {
  form?: FormInstance<Values>;
  send: (values: Values) => Promise<unknown>;
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
        const known = new Set(Object.keys(options.form.getFieldsValue(true) as object));
        const fields = error.fields
          .map((problem) => ({ name: problem.field.split('.')[0]!.replace(/\[\d+\]$/, ''), errors: [problem.message] }))
          .filter((field) => known.has(field.name));
        if (fields.length) options.form.setFields(fields as Parameters<FormInstance<Values>['setFields']>[0]);
      }
    },
  });
}

/** The rule of a text field the API caps at `max` characters (required unless said). */
export const textRules = (label: string, max: number, required = true) => [
  ...(required ? [{ required: true, whitespace: true, message: `请填写${label}` }] : []),
  { max, message: `${label}不能超过 ${max} 个字` },
];
