import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, ConfigFile, formatProblem } from '../../../engine/config/configFile.js';
import { validateConfig } from '../../../engine/config/configValidation.js';
import { configKinds } from '../../../engine/config/kinds/registry.js';

/** Checking a configuration file without an engine (engine/config/configValidation.ts). */
const check = (yaml: string) => validateConfig(ConfigFile.parse('c.yaml', yaml), configKinds);
const problemsOf = (yaml: string): string[] => {
  try {
    check(yaml);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems.map(formatProblem);
  }
};

describe('validateConfig', () => {
  it('accepts the file shown in docs/config-as-code.md', () => {
    const doc = readFileSync(new URL('../../../docs/config-as-code.md', import.meta.url), 'utf8');
    const yaml = /```yaml\n([\s\S]*?)```/.exec(doc)![1]!;
    const { config, warnings } = check(yaml);
    expect(warnings).toEqual([]);
    expect(config.sections.map((s) => [s.kind.section, s.entries.length])).toEqual([
      ['users', 1],
      ['teams', 1],
      ['schedules', 1],
      ['escalationPolicies', 1],
      ['alertSources', 1],
      ['heartbeatMonitors', 1],
      ['maintenanceWindows', 2],
    ]);
  });

  it('fills defaults and orders set-like lists, so that two ways of writing compare equal', () => {
    const a = check(`teams:
  - name: Ops
    members: [{ user: b@example.com }, { user: a@example.com, role: manager }]
`);
    const b = check(`teams:
  - name: Ops
    description: ''
    members:
      - { user: a@example.com, role: manager }
      - { user: b@example.com, role: member }
`);
    expect(a.config.sections[0]!.entries).toEqual(b.config.sections[0]!.entries);
  });

  it('reports the policy rules of the shared validation at their lines', () => {
    expect(
      problemsOf(`escalationPolicies:
  - name: Ops
    levels:
      - targets: []
        timeoutMinutes: 0
    repeat: 12
`),
    ).toEqual([
      'c.yaml:4:18: escalationPolicies.0.levels.0.targets: A level needs at least one target: a user, a schedule or a team.',
      'c.yaml:5:25: escalationPolicies.0.levels.0.timeoutMinutes: The escalation timeout must be 1 to 1440 minutes (0 given).',
      'c.yaml:6:13: escalationPolicies.0.repeat: repeat must be 0 to 9: how many more times the whole policy runs after its last level (12 given).',
    ]);
  });

  it('points a missing field at the object that lacks it, and an unknown one at its key', () => {
    expect(
      problemsOf(`alertSources:
  - escalationPolicy: Ops
    ackTimeout: 5
`),
    ).toEqual([
      'c.yaml:2:5: alertSources.0.name: this field is required',
      'c.yaml:3:5: alertSources.0.ackTimeout: unknown field "ackTimeout": remove it or correct its spelling',
    ]);
  });

  it('refuses a file that is not a map of sections, and a format it does not know', () => {
    expect(problemsOf('- users\n')).toEqual([
      expect.stringMatching(/^c\.yaml:1:1: a configuration is a map of sections: users, teams/),
    ]);
    expect(problemsOf('version: 2\n')).toEqual([
      'c.yaml:1:10: version: version is 1: the format this nocturne reads',
    ]);
    expect(check('').config.sections).toEqual([]);
  });
});
