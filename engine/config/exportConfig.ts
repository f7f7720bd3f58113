import { Document, isMap, isScalar, isSeq, visit } from 'yaml';
import { ConfigDirectory, loadEngineState } from './configDirectory.js';
import type { AnyConfigKind } from './configKind.js';
import { configFormatVersion } from './configValidation.js';
import type { EngineApi } from './engineApi.js';

/**
 * `nocturne export`: the engine's configuration in the format `nocturne apply` reads, written
 * by the same per-kind code the plan compares with, so export → apply on the same engine plans
 * nothing and export → apply on an empty engine reproduces it. Secrets (integration keys, API
 * tokens, calendar-feed addresses) are not part of it; neither are overrides or alerts.
 */

export interface ExportResult {
  readonly yaml: string;
  /** Objects the file cannot express as they are (a schedule naming a deleted user). */
  readonly warnings: readonly string[];
}

export async function exportConfig(
  api: EngineApi,
  kinds: readonly AnyConfigKind[],
  now: Date = new Date(),
): Promise<ExportResult> {
  const state = await loadEngineState(api, kinds);
  const names = new ConfigDirectory(state);
  const warnings: string[] = [];
  const data: Record<string, unknown> = { version: configFormatVersion };
  for (const kind of kinds) {
    data[kind.section] = (state.get(kind.section) ?? []).map((object) => {
      const written = kind.toConfig(object.value, names);
      const parsed = kind.entry.safeParse(written);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        warnings.push(
          `${kind.noun} ${object.key}: ${issue?.path.join('.')}: ${issue?.message} — fix it in the file (or the engine) before applying`,
        );
      }
      return written;
    });
  }
  const doc = new Document(data);
  // Small things inside an entry on one line, as people write them: `turn: { unit: weeks,
  // length: 1 }`, `users: [ada@example.com, grace@example.com]`, one line per rule.
  visit(doc, {
    Collection(_key, node, path) {
      const depth = path.filter((ancestor) => isMap(ancestor)).length;
      const values = isMap(node) ? node.items.map((pair) => pair.value) : node.items;
      if (depth >= 2 && (isMap(node) || isSeq(node)) && values.every((v) => isScalar(v))) {
        node.flow = true;
      }
    },
    // `08:00` quoted: YAML 1.1 readers (older tools) would take it for a number of minutes.
    Scalar(_key, node) {
      if (typeof node.value === 'string' && /^\d+:\d\d$/.test(node.value)) {
        node.type = 'QUOTE_SINGLE';
      }
    },
  });
  doc.commentBefore = [
    ` Nocturne configuration, exported from ${api.url} at ${now.toISOString()}.`,
    ' Apply with: nocturne apply <this file> (docs/config-as-code.md).',
    ' Not included: integration keys, API tokens, calendar feeds, schedule overrides, alerts.',
  ].join('\n');
  return { yaml: doc.toString({ lineWidth: 100 }), warnings };
}
