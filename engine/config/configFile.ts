import { isMap, isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { ConfigPath } from './configKind.js';

/**
 * A configuration file as parsed YAML that still knows where each value came from, so that
 * every problem found later (a schema error, an unknown reference, a refusal by the engine) is
 * reported as `file:line:column`, which editors and CI logs turn into links.
 */

export interface ConfigProblem {
  /** `nocturne.yaml:12:7` */
  readonly where: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/** `file:line:col` → [line, col], for sorting problems as they appear in the file. */
const position = (where: string) => where.split(':').slice(-2).map(Number);
const byPosition = (a: ConfigProblem, b: ConfigProblem) => {
  const [la = 0, ca = 0] = position(a.where);
  const [lb = 0, cb = 0] = position(b.where);
  return la - lb || ca - cb;
};

/** Problems that stop a command before it changes anything, in the order of the file. */
export class ConfigError extends Error {
  readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly ConfigProblem[]) {
    const errors = problems.filter((p) => p.severity === 'error');
    super(`${errors.length} problem${errors.length === 1 ? '' : 's'} in the configuration`);
    this.name = 'ConfigError';
    this.problems = [...problems].sort(byPosition);
  }
}

export const formatProblem = (p: ConfigProblem) =>
  `${p.where}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;

/** A path for people: `schedules.0.layers.1.end`. */
export const dottedPath = (path: ConfigPath) => path.map(String).join('.');

export class ConfigFile {
  private constructor(
    /** As given on the command line: messages name the file the way the user did. */
    readonly name: string,
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
  ) {}

  /** Parses YAML text; syntax errors (with lines) throw ConfigError. */
  static parse(name: string, text: string): ConfigFile {
    const lines = new LineCounter();
    // YAML 1.2 (the default): `09:00` stays text, where YAML 1.1 read it as 540 minutes.
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const file = new ConfigFile(name, doc, lines);
    if (doc.errors.length > 0) {
      throw new ConfigError(
        doc.errors.map((error) => ({
          where: file.at(error.pos[0]),
          severity: 'error',
          message: `${error.message.replace(/ at line \d+, column \d+.*$/s, '')} (YAML syntax)`,
        })),
      );
    }
    return file;
  }

  /** The document as plain data; an empty file is an empty configuration. */
  data(): unknown {
    return this.doc.toJS({ maxAliasCount: 1000 }) ?? {};
  }

  private at(offset: number): string {
    const { line, col } = this.lines.linePos(offset);
    return `${this.name}:${line}:${col}`;
  }

  /**
   * Where the value at `path` is. A path that leads nowhere (a required field left out) is
   * reported at the deepest value that exists: the object that lacks the field.
   */
  where(path: ConfigPath): string {
    for (let depth = path.length; depth >= 0; depth -= 1) {
      const node: unknown = this.doc.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) return this.at(node.range[0]);
    }
    return `${this.name}:1:1`;
  }

  /** Where the key `key` of the map at `path` is (for unknown fields). */
  whereKey(path: ConfigPath, key: string): string {
    const map: unknown = path.length === 0 ? this.doc.contents : this.doc.getIn(path, true);
    if (isMap(map)) {
      for (const pair of map.items) {
        if (isNode(pair.key) && pair.key.range && String(pair.key.toJSON()) === key) {
          return this.at(pair.key.range[0]);
        }
      }
    }
    return this.where(path);
  }

  problem(path: ConfigPath, message: string, severity: 'error' | 'warning' = 'error') {
    return { where: this.where(path), severity, message } satisfies ConfigProblem;
  }
}
