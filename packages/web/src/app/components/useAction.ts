import { App } from 'antd';
import { useCallback } from 'react';
import { errorMessage } from '../api/client.ts';

/**
 * Runs something a person clicked: shows `done` when it worked and the server's message when it did
 * not. Resolves to whether it worked, so callers can move on only after success. `explain` may show a
 * failure its own way (a dialog naming what blocks the action); returning false leaves the message.
 */
export function useAction() {
  const { message } = App.useApp();
  return useCallback(
    async (
      work: () => Promise<unknown>,
      done?: string | ((result: unknown) => string),
      explain?: (error: unknown) => boolean,
    ): Promise<boolean> => {
      try {
        const result = await work();
        if (done) void message.success(typeof done === 'function' ? done(result) : done);
        return true;
      } catch (e) {
        if (!explain?.(e)) void message.error(errorMessage(e));
        return false;
      }
    },
    [message],
  );
}
