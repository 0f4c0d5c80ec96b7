/**
 * Two leader-elected `podeip run` processes (the built dist/, as in the image), each a slot that is
 * restarted at once when the chaos kills it. Each incarnation logs to its own file; the leader is the
 * one whose /metrics says podeip_leader 1.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startControllerProcess, type ControllerProcess } from '../sandbox/controller-process.js';

/** Lease 2 s, renew deadline 1.5 s, retry 0.2 s: the defaults' proportions, quick enough for many hand-overs a run. */
const LEADER_ELECTION_ARGS = [
  '--leader-elect',
  '--leader-election-namespace=kube-system',
  '--leader-election-id=podeip-chaos',
  '--leader-elect-lease-duration=2s',
  '--leader-elect-renew-deadline=1500ms',
  '--leader-elect-retry-period=200ms',
];

export interface ReplicaSettings {
  /** The flags every replica runs with (provider, cluster, endpoints), leader election added here. */
  args: string[];
  env: Record<string, string>;
  logFolder: string;
}

class Replica {
  private incarnation = 0;
  process: ControllerProcess;
  private logPath = '';

  constructor(
    readonly name: string,
    private readonly settings: ReplicaSettings,
  ) {
    this.process = this.start();
  }

  /** Its metrics URL once it has logged "podeip started"; undefined before. */
  async metricsUrl(): Promise<string | undefined> {
    const log = await readFile(this.logPath, 'utf8').catch(() => '');
    const started = log.split('\n').find((line) => line.includes('"podeip started"'));
    return started ? (JSON.parse(started) as { metrics: string }).metrics : undefined;
  }

  async leads(): Promise<boolean> {
    const url = await this.metricsUrl();
    if (!url) return false;
    const body = await fetch(`${url}/metrics`).then((response) => response.text(), () => '');
    return /^podeip_leader 1$/m.test(body);
  }

  async killAndRestart(): Promise<void> {
    this.process.child.kill('SIGKILL');
    await this.process.exited;
    this.process = this.start();
  }

  private start(): ControllerProcess {
    this.incarnation += 1;
    this.logPath = join(this.settings.logFolder, `${this.name}-${this.incarnation}.log`);
    return startControllerProcess({ args: [...this.settings.args, ...LEADER_ELECTION_ARGS], env: this.settings.env, logPath: this.logPath });
  }
}

export class ControllerReplicas {
  private readonly replicas: Replica[];

  constructor(settings: ReplicaSettings) {
    this.replicas = ['replica-a', 'replica-b'].map((name) => new Replica(name, settings));
  }

  /** The replica leading now, if one does. */
  async leader(): Promise<Replica | undefined> {
    const leading = await Promise.all(this.replicas.map((replica) => replica.leads()));
    return this.replicas.find((_, index) => leading[index]);
  }

  /** SIGKILLs the leader and starts it again: its name, or undefined when no replica leads at this moment. */
  async killLeader(): Promise<string | undefined> {
    const leader = await this.leader();
    if (!leader) return undefined;
    await leader.killAndRestart();
    return leader.name;
  }

  async stop(): Promise<void> {
    await Promise.all(this.replicas.map((replica) => replica.process.stop()));
  }
}
