import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serveCommand } from '../../engine/cli/serveCommand.js';
import {
  downloadElectron,
  electronPackageDir,
  electronVersion,
  findElectronBinary,
} from './electronBinary.js';
import {
  consoleUrlOf,
  decideLaunch,
  displayProblem,
  fallbackParagraph,
  type BinaryState,
  type LaunchFacts,
} from './launchDecision.js';

/**
 * `npm start` (after the build): the desktop app where Electron can run, else the same console
 * in browser mode (the engine's serve mode, console at `/`). Arguments after `--` go to the
 * engine in browser mode (`npm start -- --port 8080`); `--browser` asks for browser mode.
 */
const appRoot = fileURLToPath(new URL('../../../', import.meta.url));
const args = process.argv.slice(2);
const facts: LaunchFacts = {
  platform: process.platform,
  env: process.env,
  isRoot: process.getuid?.() === 0,
  browserRequested: args.includes('--browser') || process.env.NOCTURNE_BROWSER === '1',
};
const serveArgs = args.filter((a) => a !== '--browser');
const say = (line: string) => process.stdout.write(`${line}\n`);

async function binaryState(): Promise<BinaryState> {
  const packageDir = electronPackageDir();
  if (!packageDir)
    return {
      kind: 'notInstalled',
      reason: 'the electron package is not installed (run "npm install")',
    };
  const found = findElectronBinary(packageDir);
  if (found) return { kind: 'present', path: found };
  const version = electronVersion(packageDir);
  say(
    `Electron ${version} is not downloaded yet: downloading it now (first launch only, about 100 MB)…`,
  );
  const result = await downloadElectron(packageDir, {
    timeoutMs: 10 * 60_000,
    onLine: (line) => say(`  ${line}`),
  });
  if (!result.ok) return { kind: 'downloadFailed', version, reason: result.reason };
  const downloaded = findElectronBinary(packageDir);
  if (!downloaded)
    return { kind: 'downloadFailed', version, reason: 'the download finished but left no binary' };
  say(`Electron ${version} downloaded.`);
  return { kind: 'present', path: downloaded };
}

async function main(): Promise<number> {
  // No display: say so at once, without a 100 MB download that could not be used anyway.
  const binary: BinaryState = displayProblem(facts)
    ? { kind: 'notInstalled', reason: 'unused' }
    : await binaryState();
  const decision = decideLaunch(facts, binary);
  if (decision.mode === 'browser') {
    say(`\n${fallbackParagraph(decision.reason, consoleUrlOf(serveArgs, process.env))}\n`);
    const hasData = serveArgs.some((a) => a === '--data' || a.startsWith('--data='));
    return serveCommand(hasData ? serveArgs : ['--data', './data', ...serveArgs]);
  }
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(decision.executable, [...decision.extraArgs, appRoot], {
    stdio: 'inherit',
    env,
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  return new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));
}

process.exitCode = await main();
