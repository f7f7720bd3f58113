import type { ConfigFile } from './configFile.js';
import type { ConfigPlan, PlannedChange } from './configPlan.js';
import type { EngineApi } from './engineApi.js';

/**
 * Carries out a plan over the REST API: creations and changes in the registry's order (users,
 * then teams, schedules, escalation policies, alert sources: each may name only what comes
 * before it), then deletions in reverse order (a source lets go of a policy before the policy
 * goes). Changes send the version the plan read, so an object someone changed since answers
 * `409 version_conflict` instead of being overwritten.
 */

/** A change the engine refused; those before it stay applied. */
export class ApplyFailed extends Error {
  constructor(
    message: string,
    /** Changes made before the failure. */
    readonly done: number,
  ) {
    super(message);
    this.name = 'ApplyFailed';
  }
}

const verbs = { create: 'created', update: 'updated', delete: 'deleted' } as const;

async function carryOut(change: PlannedChange, plan: ConfigPlan, api: EngineApi): Promise<void> {
  const { kind } = change;
  const { directory } = plan;
  switch (change.action) {
    case 'create': {
      const id = await kind.create(api, change.desired, directory);
      directory.created(kind.section, change.key, id);
      return;
    }
    case 'update':
      return kind.update(api, change.current, change.desired, change.before, directory);
    case 'delete':
      return kind.remove(api, change.current);
  }
}

/** Applies `plan`, reporting each change as it is made; ApplyFailed at the first refusal. */
export async function applyPlan(
  plan: ConfigPlan,
  api: EngineApi,
  file: ConfigFile,
  report: (line: string) => void,
): Promise<void> {
  const deletions = plan.changes.filter((c) => c.action === 'delete').reverse();
  const ordered = [...plan.changes.filter((c) => c.action !== 'delete'), ...deletions];
  let done = 0;
  for (const change of ordered) {
    try {
      await carryOut(change, plan, api);
    } catch (error) {
      const where = change.action === 'delete' ? file.name : file.where(change.at);
      const message = error instanceof Error ? error.message : String(error);
      throw new ApplyFailed(
        `${where}: could not ${change.action} ${change.kind.noun} ${change.key}: ${message}`,
        done,
      );
    }
    done += 1;
    report(`  ${verbs[change.action]} ${change.kind.noun} ${change.key}`);
  }
}
