import {
  ipcRequests,
  type ParsedArgs,
  type RequestName,
  type RequestResult,
} from '../../shared/ipc/ipcContract.js';
import type { IpcResult } from '../../shared/ipc/ipcViews.js';
import { isTrustedSender, type SenderFacts } from './senderCheck.js';

export interface CallContext {
  readonly webContentsId: number;
}

export type IpcHandler<N extends RequestName> = (
  args: ParsedArgs<N>,
  context: CallContext,
) => Promise<IpcResult<RequestResult<N>>> | IpcResult<RequestResult<N>>;

/** One handler per request of the contract: a missing or mistyped one fails to compile. */
export type IpcHandlers = { readonly [N in RequestName]: IpcHandler<N> };

export const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value });
export const fail = (
  code: string,
  message: string,
): { ok: false; error: { code: string; message: string } } => ({
  ok: false,
  error: { code, message },
});

/**
 * Every request goes through here (pure apart from the handlers): the sender is checked first,
 * then the argument is validated with the contract's schema, then the handler runs. A handler
 * that throws answers `internal` with its message; nothing rejects across IPC.
 */
export function createIpcDispatcher(
  handlers: IpcHandlers,
  trusted: () => ReadonlySet<number>,
  log: (line: string) => void,
) {
  return async function dispatch(
    name: RequestName,
    sender: SenderFacts,
    raw: unknown,
  ): Promise<IpcResult<unknown>> {
    if (!isTrustedSender(sender, trusted())) {
      log(
        `ipc: refused ${name} from ${sender.frameUrl ?? 'a vanished frame'} (webContents ${sender.webContentsId})`,
      );
      return fail('forbidden_sender', 'This message must come from a Nocturne window.');
    }
    const parsed = ipcRequests[name].args.safeParse(raw ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      return fail('invalid_argument', `${name}: ${where}${issue?.message ?? 'invalid argument'}`);
    }
    const handler = handlers[name] as IpcHandler<RequestName>;
    try {
      return await handler(parsed.data as never, { webContentsId: sender.webContentsId });
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      log(`ipc: ${name} failed: ${(error as Error)?.stack ?? String(error)}`);
      return fail(
        typeof code === 'string' ? code : 'internal',
        (error as Error)?.message ?? String(error),
      );
    }
  };
}
