/** Runs the real kubectl against a local API server with a generated kubeconfig and a private discovery cache. */
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KubeApiServer } from '../../hack/kube-apiserver/index.js';

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

export class Kubectl {
  private constructor(private readonly folder: string) {}

  static async for(server: KubeApiServer): Promise<Kubectl> {
    const folder = await mkdtemp(join(tmpdir(), 'kubectl-'));
    await server.writeKubeconfig(join(folder, 'kubeconfig'));
    return new Kubectl(folder);
  }

  async writeManifest(name: string, text: string): Promise<string> {
    const path = join(this.folder, name);
    await writeFile(path, text);
    return path;
  }

  private withConfig(args: string[]): string[] {
    return ['--kubeconfig', join(this.folder, 'kubeconfig'), '--cache-dir', join(this.folder, 'cache'), ...args];
  }

  /** A long-running kubectl (`get -w`); the caller kills it. */
  start(...args: string[]): ChildProcessWithoutNullStreams {
    return spawn('kubectl', this.withConfig(args));
  }

  run(...args: string[]): Promise<KubectlResult> {
    return new Promise((resolve) => {
      execFile('kubectl', this.withConfig(args), { timeout: 20_000 }, (error, stdout, stderr) => {
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      });
    });
  }

  /** Runs kubectl and fails with its stderr unless it exits 0. */
  async ok(...args: string[]): Promise<string> {
    const result = await this.run(...args);
    if (result.code !== 0) throw new Error(`kubectl ${args.join(' ')} failed (${result.code}): ${result.stderr}`);
    return result.stdout;
  }

  async cleanUp(): Promise<void> {
    await rm(this.folder, { recursive: true, force: true });
  }
}
