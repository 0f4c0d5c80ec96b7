/**
 * The sandbox's terminal view: pods, their claims and public IPs. On a terminal it redraws one
 * table in place; otherwise (a pipe, CI) it prints each row once per change, as plain text.
 */
import { CoreV1Api, CustomObjectsApi, type KubeConfig, type V1Pod } from '@kubernetes/client-node';

export interface ClaimView {
  metadata: { name: string; namespace: string };
  spec?: { deletePolicy?: string };
  status?: { phase?: string; publicIP?: string; addressId?: string };
}

const HEADER = ['NAMESPACE', 'POD', 'POD-PHASE', 'POD-IP', 'NODE', 'CLAIM', 'POLICY', 'PUBLIC-IP', 'ADDRESS'];

/** One row per pod, plus one per claim whose pod is gone (a retained address). */
export function viewRows(pods: V1Pod[], claims: ClaimView[]): string[][] {
  const claimsByKey = new Map(claims.map((claim) => [`${claim.metadata.namespace}/${claim.metadata.name}`, claim]));
  const rows = pods.map((pod) => {
    const key = `${pod.metadata?.namespace}/${pod.metadata?.name}`;
    const claim = claimsByKey.get(key);
    claimsByKey.delete(key);
    const phase = pod.metadata?.deletionTimestamp ? 'Terminating' : pod.status?.phase ?? 'Pending';
    return [pod.metadata?.namespace ?? '', pod.metadata?.name ?? '', phase, pod.status?.podIP ?? '-', pod.spec?.nodeName ?? '-', ...claimColumns(claim)];
  });
  const retained = [...claimsByKey.values()].map((claim) => [claim.metadata.namespace, claim.metadata.name, '(gone)', '-', '-', ...claimColumns(claim)]);
  return [...rows, ...retained].sort((a, b) => `${a[0]}/${a[1]}`.localeCompare(`${b[0]}/${b[1]}`));
}

function claimColumns(claim: ClaimView | undefined): string[] {
  if (!claim) return ['-', '-', '-', '-'];
  return [claim.status?.phase ?? 'Pending', claim.spec?.deletePolicy ?? '-', claim.status?.publicIP ?? '-', claim.status?.addressId ?? '-'];
}

export function formatTable(rows: string[][]): string {
  const all = [HEADER, ...rows];
  const widths = HEADER.map((_, column) => Math.max(...all.map((row) => row[column]!.length)));
  return all.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n');
}

export interface LiveView {
  stop(): void;
}

export function startLiveView(kubeConfig: KubeConfig, out: NodeJS.WriteStream, intro: string, intervalMs = 1000): LiveView {
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const custom = kubeConfig.makeApiClient(CustomObjectsApi);
  const printed = new Set<string>();
  if (!out.isTTY) out.write(`${HEADER.join('  ')}\n`);
  let stopped = false;
  const draw = async () => {
    const [pods, claims] = await Promise.all([
      core.listPodForAllNamespaces(),
      custom.listClusterCustomObject({ group: 'podeip.io', version: 'v1alpha1', plural: 'eipclaims' }) as Promise<{ items: ClaimView[] }>,
    ]);
    const rows = viewRows(pods.items, claims.items);
    if (out.isTTY) out.write(`\x1b[H\x1b[2J${intro}\n\n${formatTable(rows)}\n\n(Ctrl-C to stop)\n`);
    else printChangedRows(out, rows, printed);
  };
  const tick = async () => {
    await draw().catch((error: Error) => out.write(`view: ${error.message}\n`));
    if (!stopped) timer = setTimeout(tick, intervalMs);
  };
  let timer = setTimeout(tick, 0);
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

function printChangedRows(out: NodeJS.WriteStream, rows: string[][], printed: Set<string>) {
  for (const line of rows.map((row) => row.join('  '))) {
    if (printed.has(line)) continue;
    printed.add(line);
    out.write(`${line}\n`);
  }
}
