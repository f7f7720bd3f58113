import type { ConfigPlan, PlannedChange } from './configPlan.js';
import { showValue } from './valueDiff.js';

/**
 * The plan as people read it (docs/config-as-code.md shows an example): one line per object
 * that changes, marked `+` create, `~` update, `-` delete, with each field that changes as
 * before → after, then the counts.
 */

const marks = { create: '+', update: '~', delete: '-' } as const;

export interface PlanCounts {
  readonly create: number;
  readonly update: number;
  readonly delete: number;
  readonly unchanged: number;
}

export function countPlan(plan: ConfigPlan): PlanCounts {
  const count = (action: PlannedChange['action']) =>
    plan.changes.filter((c) => c.action === action).length;
  return {
    create: count('create'),
    update: count('update'),
    delete: count('delete'),
    unchanged: plan.unchanged,
  };
}

function changeLines(change: PlannedChange): string[] {
  const head = `  ${marks[change.action]} ${change.kind.noun} ${change.key}`;
  switch (change.action) {
    case 'create':
      return [head, ...change.fields.map((f) => `      ${f.path}: ${showValue(f.after)}`)];
    case 'update':
      return [
        head,
        ...change.fields.map(
          (f) => `      ${f.path}: ${showValue(f.before)} → ${showValue(f.after)}`,
        ),
      ];
    case 'delete':
      return [change.note ? `${head} (${change.note})` : head];
  }
}

/** The whole plan; `source` names the file and the engine. */
export function planText(plan: ConfigPlan, source: string): string {
  const counts = countPlan(plan);
  if (plan.changes.length === 0) {
    return `No changes: the engine matches ${source} (${counts.unchanged} unchanged).\n`;
  }
  const lines = [`Plan for ${source}:`, ''];
  for (const change of plan.changes) lines.push(...changeLines(change));
  if (plan.kept.length > 0) {
    lines.push('', '  Not deleted by --prune:');
    for (const kept of plan.kept) lines.push(`    ${kept}`);
  }
  lines.push(
    '',
    `Plan: ${counts.create} to create, ${counts.update} to update, ${counts.delete} to delete, ${counts.unchanged} unchanged.`,
  );
  return `${lines.join('\n')}\n`;
}
