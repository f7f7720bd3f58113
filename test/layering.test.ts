import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layering table of ARCHITECTURE.md is enforced by eslint.config.js; this checks that the
 * rules really fire (a rule that silently matches nothing protects nothing).
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(file: string, source: string): Promise<boolean> {
  const [result] = await eslint.lintText(source, { filePath: file });
  return (result?.messages ?? []).some((m) => m.ruleId === 'no-restricted-imports');
}

const cases: Array<[folder: string, importLine: string, allowed: boolean]> = [
  ['shared/x.ts', "import { readFileSync } from 'node:fs';", false],
  ['shared/x.ts', "import { join } from 'path';", false],
  ['shared/x.ts', "import WebSocket from 'ws';", false],
  ['shared/x.ts', "import { app } from 'electron';", false],
  ['shared/x.ts', "import React from 'react';", false],
  ['shared/x.ts', "import { startEngine } from '../engine/engine.js';", false],
  ['shared/sub/x.ts', "import { startEngine } from '../../engine/engine.js';", false],
  ['shared/x.ts', "import { limits } from './domain/limits.js';", true],
  ['shared/x.ts', "import { z } from 'zod';", true],
  ['engine/x.ts', "import { app } from 'electron';", false],
  ['engine/x.ts', "import React from 'react';", false],
  ['engine/x.ts', "import { readFileSync } from 'node:fs';", true],
  ['engine/x.ts', "import { limits } from '../shared/domain/limits.js';", true],
  ['renderer/x.ts', "import { readFileSync } from 'node:fs';", false],
  ['renderer/x.ts', "import { spawn } from 'child_process';", false],
  ['renderer/x.ts', "import { ipcRenderer } from 'electron';", false],
  ['renderer/x.ts', "import { startEngine } from '../engine/engine.js';", false],
  ['renderer/x.ts', "import { x } from '../main/window.js';", false],
  ['renderer/x.ts', "import { limits } from '../shared/domain/limits.js';", true],
  ['preload/x.ts', "import { readFileSync } from 'node:fs';", false],
  ['preload/x.ts', "import { startEngine } from '../engine/engine.js';", false],
  ['main/x.ts', "import { x } from '../renderer/app.js';", false],
  ['main/x.ts', "import { startEngine } from '../engine/engine.js';", true],
];

describe('layering (ARCHITECTURE.md) is enforced by lint', () => {
  it.each(cases)('%s: %s → allowed %s', async (file, line, allowed) => {
    expect(await restricted(file, `${line}\nexport {};\n`)).toBe(!allowed);
  });
});
