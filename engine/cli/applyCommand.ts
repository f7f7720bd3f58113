import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { applyPlan, ApplyFailed } from '../config/applyPlan.js';
import { loadEngineState } from '../config/configDirectory.js';
import { ConfigError, ConfigFile, formatProblem } from '../config/configFile.js';
import { buildPlan, hasChanges } from '../config/configPlan.js';
import { validateConfig } from '../config/configValidation.js';
import { ApiError } from '../config/engineApi.js';
import { configKinds } from '../config/kinds/registry.js';
import { countPlan, planText } from '../config/planText.js';
import { CliError, connect, connectionHelp, connectionOptions } from './engineConnection.js';

export const applyHelp = `Usage: nocturne apply <file> [options]

Makes the engine's users, teams, schedules, escalation policies and alert sources what the
YAML file says, through the engine's REST API: prints the plan (what it creates, changes and
deletes, field by field), then applies it. Applying the same file again changes nothing.
The whole file is checked first; if anything is wrong, nothing is applied.
Docs: docs/config-as-code.md.

  --plan                 print the plan only; change nothing
  --detailed-exitcode    with --plan: exit 0 when nothing would change, 2 when something would
  --prune                also delete what the file's sections do not list (shown in the plan);
                         kinds without a section in the file are never touched
${connectionHelp}
  -h, --help             this text

Exit codes: 0 done (or nothing to do), 1 error (nothing applied, or the changes before the
error only: the message says which), 2 changes planned (--plan --detailed-exitcode).
`;

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: {
        ...connectionOptions,
        plan: { type: 'boolean' },
        'detailed-exitcode': { type: 'boolean' },
        prune: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new CliError((error as Error).message, true);
  }
}

async function run(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const { values, positionals } = parse(argv);
  if (values.help) {
    process.stdout.write(applyHelp);
    return 0;
  }
  if (positionals.length !== 1) {
    throw new CliError('Give one configuration file: nocturne apply nocturne.yaml', true);
  }
  if (values['detailed-exitcode'] && !values.plan) {
    throw new CliError('--detailed-exitcode goes with --plan.', true);
  }
  const name = positionals[0]!;
  let text: string;
  try {
    text = await readFile(name, 'utf8');
  } catch (error) {
    throw new CliError(`Cannot read ${name}: ${(error as NodeJS.ErrnoException).code ?? error}.`);
  }
  // The whole file is checked before the engine is asked anything.
  const file = ConfigFile.parse(name, text);
  const { config, warnings } = validateConfig(file, configKinds);
  for (const warning of warnings) process.stderr.write(`${formatProblem(warning)}\n`);

  const { api, caller } = await connect(values, env, 'apply');
  const state = await loadEngineState(api, configKinds);
  const plan = buildPlan(config, state, configKinds, {
    prune: values.prune ?? false,
    context: { callerUserId: caller.id },
  });
  process.stdout.write(planText(plan, `${file.name} → ${api.url}`));
  if (values.plan) return values['detailed-exitcode'] && hasChanges(plan) ? 2 : 0;
  if (!hasChanges(plan)) return 0;

  process.stdout.write('\nApplying:\n');
  await applyPlan(plan, api, file, (line) => process.stdout.write(`${line}\n`));
  const counts = countPlan(plan);
  process.stdout.write(
    `\nApplied: ${counts.create} created, ${counts.update} updated, ${counts.delete} deleted, ${counts.unchanged} unchanged.\n`,
  );
  return 0;
}

/** `nocturne apply <file> [--plan] [--prune]`: configuration as code (docs/config-as-code.md). */
export async function applyCommand(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const fail = (message: string) => {
    process.stderr.write(`nocturne apply: ${message}\n`);
    return 1;
  };
  try {
    return await run(argv, env);
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const problem of error.problems) process.stderr.write(`${formatProblem(problem)}\n`);
      return fail(`${error.message}; nothing was applied.`);
    }
    if (error instanceof ApplyFailed) {
      return fail(
        `${error.message}\n${error.done} change${error.done === 1 ? ' was' : 's were'} made before it, none after. Fix the problem and apply again (--plan shows what is left).`,
      );
    }
    if (error instanceof CliError) {
      return fail(error.showUsage ? `${error.message}\n\n${applyHelp}` : error.message);
    }
    if (error instanceof ApiError) return fail(`${error.message}\nNothing was applied.`);
    throw error;
  }
}
