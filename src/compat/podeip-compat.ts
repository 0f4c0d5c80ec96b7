/**
 * `--podeip-compat` (SPEC §11): the PodEIP mirror, running while this replica leads, switched on
 * and off as the PodEIP CRD is installed and removed, and hooked into the lifecycle's claim writes.
 */
import type { KubeConfig } from '@kubernetes/client-node';
import type { Logger } from 'pino';
import type { LifecycleContext } from '../lifecycle/context.js';
import type { InformerTuning } from '../manager/caches.js';
import type { Runnable } from '../manager/manager.js';
import { CrdPresence } from './crd-presence.js';
import { PodEIPClient } from './podeip-client.js';
import { PodEIPMirror } from './podeip-mirror.js';

/** How often podeip asks whether the PodEIP CRD is installed: it notices within a minute. */
export const DEFAULT_CRD_CHECK_MS = 30_000;

export interface PodEIPCompatOptions {
  /** For reads and watches. */
  kubeConfig: KubeConfig;
  /** For writes (passes podeip's write fence). */
  writeKubeConfig: KubeConfig;
  namespace?: string;
  context: LifecycleContext;
  /** Settles once the pod and claim caches have synced. */
  synced: Promise<void>;
  logger: Logger;
  crdCheckMs?: number;
  informers?: InformerTuning;
}

/** Hooks the mirror into `context` and returns the runnable that switches it on and off. */
export function podEipCompat(options: PodEIPCompatOptions): Runnable {
  const { context, logger } = options;
  const client = new PodEIPClient(options.writeKubeConfig, options.namespace);
  const mirror = new PodEIPMirror({
    client,
    kubeConfig: options.kubeConfig,
    claims: context.claims,
    pods: context.pods,
    knownAddress: (addressId) => context.addresses.known(addressId),
    events: context.events,
    deleteClaim: (claim) => context.api.deleteClaim(claim.metadata.namespace, claim.metadata.name, claim.metadata.uid),
    logger,
    ...(options.informers ? { informers: options.informers } : {}),
  });
  context.afterClaimStatus = mirror.claimChanged;
  const presence = new CrdPresence(() => client.crdServed(), mirror.crdServedChanged, options.crdCheckMs ?? DEFAULT_CRD_CHECK_MS, logger);
  let leading = false;
  return {
    name: 'podeip compatibility',
    needLeaderElection: true,
    start: () => {
      leading = true;
      // Not awaited: a PodEIP API that does not answer must not hold the reconcilers back.
      void options.synced.then(() => (leading ? presence.start() : undefined));
    },
    stop: () => {
      leading = false;
      presence.stop();
      mirror.stop();
    },
  };
}
