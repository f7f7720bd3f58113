import { BenchUsageError } from './benchArgs.js';

/**
 * What every benchmark's command does around its run: reads its options (`--help` prints the
 * usage; a bad option prints why and the usage, exit 2), runs, and exits 0 — or 1 with the
 * stack when the run failed. Exits explicitly: an engine or a browser a run used may still hold
 * the event loop.
 */
export function runBenchCommand<S>(
  name: string,
  usage: string,
  parse: (argv: readonly string[]) => S | null,
  run: (settings: S) => Promise<void>,
): void {
  const main = async (argv: readonly string[]): Promise<number> => {
    let settings: S | null;
    try {
      settings = parse(argv);
    } catch (error) {
      if (!(error instanceof BenchUsageError)) throw error;
      process.stderr.write(`${name}: ${error.message}\n\n${usage}`);
      return 2;
    }
    if (settings === null) {
      process.stdout.write(usage);
      return 0;
    }
    await run(settings);
    return 0;
  };
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(
        `${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exit(1);
    },
  );
}
