import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CloseCode, HelloMessage, ServerMessage } from '../shared/protocol/messages.js';
import { protocolSchemas } from '../scripts/writeProtocolSchemas.js';

const doc = readFileSync('docs/protocol.md', 'utf8');
const schemaDir = 'docs/schemas';

/** The JSON code blocks of the document that are protocol messages (they have a `type`). */
function messageExamples(): unknown[] {
  const blocks = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!));
  return blocks.filter((b) => typeof b === 'object' && b !== null && 'type' in b);
}

describe('docs/protocol.md and docs/schemas', () => {
  it('the committed JSON Schemas are the ones the zod schemas give (else: npm run docs:schemas)', () => {
    const expected = protocolSchemas();
    const committed = readdirSync(schemaDir).filter((f) => f.endsWith('.json'));
    expect(committed.sort()).toEqual([...expected.keys()].sort());
    for (const [file, text] of expected) {
      expect(readFileSync(`${schemaDir}/${file}`, 'utf8'), `${file} is stale`).toBe(text);
    }
  });

  it('links every schema', () => {
    for (const file of protocolSchemas().keys()) expect(doc).toContain(`(schemas/${file})`);
  });

  it('shows one valid example of every message, exactly as the schemas read it', () => {
    const examples = messageExamples();
    const types = new Set<string>();
    for (const example of examples) {
      const type = (example as { type: string }).type;
      types.add(type);
      const schema = type === 'hello' ? HelloMessage : ServerMessage;
      const parsed = schema.safeParse(example);
      expect(parsed.error, `the ${type} example`).toBeUndefined();
      // Parsing drops unknown fields: equality shows the example has no misspelt ones.
      expect(parsed.data).toEqual(example);
    }
    expect([...types].sort()).toEqual(
      ['delta', 'error', 'heartbeat', 'hello', 'notification', 'resumed', 'snapshot'].sort(),
    );
  });

  it('documents every close code', () => {
    for (const code of Object.values(CloseCode)) expect(doc).toMatch(new RegExp(`\\| ${code} `));
  });
});
