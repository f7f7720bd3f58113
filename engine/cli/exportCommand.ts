import { rename, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ApiError } from '../config/engineApi.js';
import { exportConfig } from '../config/exportConfig.js';
import { configKinds } from '../config/kinds/registry.js';
import { CliError, connect, connectionHelp, connectionOptions } from './engineConnection.js';

export const exportHelp = `Usage: nocturne export [--output <file>] [options]

Writes the engine's users, teams, schedules, escalation policies and alert sources as YAML in
the format "nocturne apply" reads (docs/config-as-code.md). Integration keys and API tokens are
not exported; schedule overrides and alerts neither (they are operational, not configuration).

  -o, --output <file>    write to this file (default: standard output)
${connectionHelp}
  -h, --help             this text
`;

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: { ...connectionOptions, output: { type: 'string', short: 'o' } },
    }).values;
  } catch (error) {
    throw new CliError((error as Error).message, true);
  }
}

async function run(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const values = parse(argv);
  if (values.help) {
    process.stdout.write(exportHelp);
    return 0;
  }
  const { api } = await connect(values, env, 'export');
  const { yaml, warnings } = await exportConfig(api, configKinds);
  for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`);
  if (values.output === undefined) {
    process.stdout.write(yaml);
    return 0;
  }
  // Written aside and renamed: an interrupted export never leaves half a file behind.
  const partial = `${values.output}.partial`;
  try {
    await writeFile(partial, yaml, 'utf8');
    await rename(partial, values.output);
  } catch (error) {
    throw new CliError(
      `Cannot write ${values.output}: ${(error as NodeJS.ErrnoException).code ?? error}.`,
    );
  }
  process.stderr.write(`Exported the configuration of ${api.url} to ${values.output}.\n`);
  return 0;
}

/** `nocturne export [--output file]` (docs/config-as-code.md). */
export async function exportCommand(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  try {
    return await run(argv, env);
  } catch (error) {
    const fail = (message: string) => {
      process.stderr.write(`nocturne export: ${message}\n`);
      return 1;
    };
    if (error instanceof CliError) {
      return fail(error.showUsage ? `${error.message}\n\n${exportHelp}` : error.message);
    }
    if (error instanceof ApiError) return fail(error.message);
    throw error;
  }
}
