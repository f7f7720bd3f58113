import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { request } from 'undici';
import { track } from './children.js';
import { processMemory, type ProcessMemory } from './engineProcess.js';

/** Where Debian's `prometheus-alertmanager` package installs the binary. */
export const alertmanagerBinary = '/usr/bin/prometheus-alertmanager';

/**
 * Everything to one receiver that notifies nobody: the benchmark measures taking alerts in, not
 * sending notifications. Grouped by alert name, the common setup (grouping by instance would
 * give Alertmanager one aggregation group, with its timer, per alert).
 */
const config = `route:
  receiver: blackhole
  group_by: ['alertname']
receivers:
  - name: blackhole
`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A single, non-clustered Alertmanager on a loopback port with its own temp storage. */
export class AlertmanagerPeer {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    readonly version: string,
  ) {}

  static installed(): boolean {
    return existsSync(alertmanagerBinary);
  }

  /** Starts it in `dir` (config and storage) and resolves once `/-/ready` answers 200. */
  static async start(dir: string): Promise<AlertmanagerPeer> {
    const configFile = join(dir, 'alertmanager.yml');
    writeFileSync(configFile, config);
    const port = await freePort();
    let stderr = '';
    const child = track(
      spawn(
        alertmanagerBinary,
        [
          `--config.file=${configFile}`,
          `--storage.path=${join(dir, 'data')}`,
          `--web.listen-address=127.0.0.1:${port}`,
          '--cluster.listen-address=',
          '--log.level=warn',
        ],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      ),
    );
    child.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const url = `http://127.0.0.1:${port}`;
    const deadline = performance.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`Alertmanager exited at start-up:\n${stderr}`);
      try {
        const { statusCode, body } = await request(`${url}/-/ready`);
        await body.dump();
        if (statusCode === 200) break;
      } catch {
        // not listening yet
      }
      if (performance.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`Alertmanager did not become ready:\n${stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const { body } = await request(`${url}/api/v2/status`);
    const status = (await body.json()) as { versionInfo?: { version?: string } };
    return new AlertmanagerPeer(child, url, status.versionInfo?.version ?? 'unknown');
  }

  get pid(): number {
    return this.child.pid!;
  }

  memory(): ProcessMemory {
    return processMemory(this.child.pid!);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }
}
