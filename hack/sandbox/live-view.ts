/**
 * The sandbox's live view: polls the API server and the cloud emulator once a second. On a terminal
 * it redraws one screen in place (see live-view-render.ts); otherwise (a pipe, CI) it prints a
 * timestamped line per change.
 */
import { CoreV1Api, CustomObjectsApi, type CoreV1Event, type KubeConfig, type V1Pod } from '@kubernetes/client-node';
import { DIALECTS } from '../../src/annotations/dialects.js';
import type { OwnerReference } from '../../src/k8s/eipclaim.js';
import { changeLines, nextState, screenLines, type ClaimView, type Observation, type ViewState, type WarningView } from './live-view-render.js';
import type { SandboxProvider } from './options.js';

export interface LiveViewSource {
  kubeConfig: KubeConfig;
  provider: SandboxProvider;
  /** The emulator's admin API, e.g. http://127.0.0.1:PORT/_admin */
  cloudAdmin: string;
}

export interface LiveView {
  /** Stops polling; on a pipe, prints what changed since the last poll first. */
  stop(): Promise<void>;
}

/** Home, then each line erasing what was left of the previous screen's line, then erase below. */
const CURSOR_HOME = '\x1b[H';
const ERASE_LINE_END = '\x1b[K';
const ERASE_BELOW = '\x1b[J';
const CLEAR_SCREEN = '\x1b[2J';

export function startLiveView(source: LiveViewSource, out: NodeJS.WriteStream, intro: string[], intervalMs = 1000): LiveView {
  const observe = observer(source);
  let state: ViewState | undefined;
  let lastError = '';
  if (out.isTTY) out.write(CLEAR_SCREEN);
  const refresh = async () => {
    try {
      const now = new Date();
      const next = nextState(state, await observe(), now);
      if (out.isTTY) out.write(redraw(screenLines(next, intro, now), out.columns));
      else for (const line of changeLines(state, next, now)) out.write(`${line}\n`);
      state = next;
      lastError = '';
    } catch (error) {
      const message = `view: ${(error as Error).message}`;
      if (message !== lastError) out.write(`${message}\n`);
      lastError = message;
    }
  };
  let stopped = false;
  let running = Promise.resolve();
  const tick = () => {
    running = refresh().then(() => {
      if (!stopped) timer = setTimeout(tick, intervalMs);
    });
  };
  let timer = setTimeout(tick, 0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

function redraw(lines: string[], columns = 0): string {
  const fitted = columns > 0 ? lines.map((line) => line.slice(0, columns)) : lines;
  return `${CURSOR_HOME}${fitted.map((line) => `${line}${ERASE_LINE_END}`).join('\n')}\n${ERASE_BELOW}`;
}

function observer({ kubeConfig, provider, cloudAdmin }: LiveViewSource): () => Promise<Observation> {
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const custom = kubeConfig.makeApiClient(CustomObjectsApi);
  return async () => {
    const [pods, claims, events, cloudCalls] = await Promise.all([
      core.listPodForAllNamespaces(),
      custom.listClusterCustomObject({ group: 'podeip.io', version: 'v1alpha1', plural: 'eipclaims' }) as Promise<{ items: ClaimView[] }>,
      core.listEventForAllNamespaces({ fieldSelector: 'type=Warning' }),
      countCloudCalls(cloudAdmin),
    ]);
    return {
      pods: pods.items.filter((pod) => asksForEip(pod, provider)),
      claims: claims.items,
      warnings: events.items.filter((event) => event.type === 'Warning').map(warningOf),
      cloudCalls,
    };
  };
}

export function asksForEip(pod: V1Pod, provider: SandboxProvider): boolean {
  const request = DIALECTS[provider].parse({
    name: pod.metadata?.name ?? '',
    annotations: pod.metadata?.annotations ?? {},
    ownerReferences: (pod.metadata?.ownerReferences ?? []) as OwnerReference[],
  });
  return request.kind !== 'none';
}

function warningOf(event: CoreV1Event): WarningView {
  const at = event.lastTimestamp ?? event.eventTime ?? event.firstTimestamp ?? event.metadata.creationTimestamp;
  return {
    kind: event.involvedObject.kind ?? '',
    namespace: event.involvedObject.namespace ?? event.metadata.namespace ?? '',
    name: event.involvedObject.name ?? '',
    reason: event.reason ?? '',
    message: event.message ?? '',
    at: at ? new Date(at).toISOString() : new Date(0).toISOString(),
  };
}

/** Every call the emulated cloud has answered, whatever its action and result. */
async function countCloudCalls(cloudAdmin: string): Promise<number> {
  const response = await fetch(`${cloudAdmin}/calls`);
  const counts = (await response.json()) as Record<string, Record<string, number>>;
  return Object.values(counts).reduce((total, byCode) => total + Object.values(byCode).reduce((sum, count) => sum + count, 0), 0);
}
