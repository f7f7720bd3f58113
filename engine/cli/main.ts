#!/usr/bin/env node
import { serveCommand } from './serveCommand.js';
import { applyCommand } from './applyCommand.js';
import { exportCommand } from './exportCommand.js';
import { engineVersion } from '../version.js';

const usage = `Usage: nocturne <command> [options]

Commands:
  serve       start the alert engine headless (nocturne serve --help)
  apply       make an engine's configuration what a YAML file says (nocturne apply --help)
  export      write an engine's configuration as YAML (nocturne export --help)
  version     print the version

Docs: README.md, docs/ in the project.
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      return serveCommand(rest);
    case 'apply':
      return applyCommand(rest);
    case 'export':
      return exportCommand(rest);
    case 'version':
    case '--version':
    case '-v':
      process.stdout.write(`${engineVersion}\n`);
      return 0;
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(usage);
      return 0;
    default:
      process.stderr.write(`nocturne: unknown command "${command}"\n\n${usage}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`nocturne: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  },
);
