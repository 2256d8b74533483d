import { useMutation } from '@tanstack/react-query';
import { App } from 'antd';
import { messageOf } from '../api/errors';
import { useRefreshAfterStep } from './inspector-api';

/**
 * One step of a case as a mutation: on success a Chinese confirmation and every query of the case
 * (`caseKey`), the to-dos and the workspace's lists refreshed; a refusal shown in the API's words.
 */
export function useStep<Input, Output>(caseKey: readonly string[], run: (input: Input) => Promise<Output>, done: string) {
  const { message } = App.useApp();
  const refresh = useRefreshAfterStep();
  return useMutation({
    mutationFn: run,
    onSuccess: async () => {
      message.success(done);
      await refresh(caseKey);
    },
    onError: (error) => message.error(messageOf(error)),
  });
}
