/**
 * One sandbox per folder: a pid file next to the kubeconfig, taken before anything starts, so a
 * second sandbox refuses instead of overwriting the first one's kubeconfig and ready file. A pid
 * file left by a sandbox that was killed outright does not count once its process is gone.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export class SandboxBusyError extends Error {}

export interface FolderLock {
  release(): Promise<void>;
}

export async function lockSandboxFolder(folder: string): Promise<FolderLock> {
  const path = join(folder, 'sandbox.pid');
  try {
    await writeFile(path, `${process.pid}\n`, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = Number((await readFile(path, 'utf8')).trim());
    if (isAlive(holder)) throw new SandboxBusyError(`another sandbox (pid ${holder}) is running in ${folder}; stop it first, or give this one its own --kubeconfig and --ready-file`);
    await writeFile(path, `${process.pid}\n`);
  }
  return { release: () => rm(path, { force: true }) };
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
