import type { z } from 'zod';
import { User, UserRole } from '../../shared/domain/user.js';
import { ApiError, engineApi, type EngineApi } from '../config/engineApi.js';
import { defaultPort } from '../engine.js';

/**
 * How `nocturne apply` and `nocturne export` reach an engine: `--url` / NOCTURNE_URL and
 * `--token` / NOCTURNE_TOKEN (the environment is the better place for a token: arguments show
 * in `ps`), and a first request that says who the token is and whether it may do the job.
 */

/** A mistake of the person running the command, said in one sentence; exit code 1. */
export class CliError extends Error {
  constructor(
    message: string,
    /** A mistake in the arguments: the command's help follows the message. */
    readonly showUsage = false,
  ) {
    super(message);
  }
}

export const defaultEngineUrl = `http://127.0.0.1:${defaultPort}`;

export const connectionHelp = `  --url <url>            the engine (default ${defaultEngineUrl})           env NOCTURNE_URL
  --token <token>        an admin's API token (noc_…)                           env NOCTURNE_TOKEN`;

/** parseArgs options shared by the commands that talk to an engine. */
export const connectionOptions = {
  url: { type: 'string' },
  token: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface Connection {
  readonly api: EngineApi;
  /** Who the token belongs to. */
  readonly caller: { readonly id: string; readonly name: string };
}

const Me = User.extend({ effectiveRole: UserRole });

/**
 * Connects and checks that the token acts as admin: configuration reads every user's
 * notification rules and changes what only admins change, so a lesser token is refused before
 * anything is read or written, with the reason.
 */
export async function connect(
  parsed: { url?: string | undefined; token?: string | undefined },
  env: NodeJS.ProcessEnv,
  command: string,
): Promise<Connection> {
  const url = parsed.url ?? env.NOCTURNE_URL ?? defaultEngineUrl;
  if (!/^https?:\/\/[^/]/.test(url)) {
    throw new CliError(`--url must be the engine's http(s) address, such as ${defaultEngineUrl}.`);
  }
  const token = parsed.token ?? env.NOCTURNE_TOKEN;
  if (!token) {
    throw new CliError(
      `No API token: give an admin's token with NOCTURNE_TOKEN=noc_… (or --token). "nocturne ${command}" works through the engine's REST API as that user.`,
    );
  }
  const api = engineApi(url, token);
  let me: z.output<typeof Me>;
  try {
    me = await api.get('/api/v1/me', Me);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      throw new CliError(
        `The engine at ${api.url} did not accept the API token (401 unauthorized): it is unknown or revoked. Give an admin's token with NOCTURNE_TOKEN or --token.`,
      );
    }
    throw error;
  }
  if (me.effectiveRole !== 'admin') {
    throw new CliError(
      `"nocturne ${command}" needs an admin's API token, but this token acts as ${me.effectiveRole} (${me.name}, ${me.email}): configuration covers every user's notification rules and changes what only admins may. Use an admin's token.`,
    );
  }
  return { api, caller: { id: me.id, name: me.name } };
}
