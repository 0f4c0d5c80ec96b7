/**
 * SPEC §11 PodEIP compatibility: while the PodEIP CRD is served, every Alibaba claim that holds an
 * address has a PodEIP of its name saying what the claim says, written before the claim's pod gets
 * its outputs (OpenKruiseGame reads the PodEIP when the pod changes). A PodEIP another controller
 * wrote is never touched; the pod it names gets a Warning instead. Deleting one of podeip's PodEIPs
 * by hand reclaims the address as deleting the claim does; one whose claim is gone is deleted.
 */
import { isDeepStrictEqual } from 'node:util';
import type { KubeConfig } from '@kubernetes/client-node';
import type { Logger } from 'pino';
import { type EIPClaim, GROUP, KIND, VERSION, keyOf } from '../k8s/eipclaim.js';
import type { EventRecorder } from '../k8s/event-recorder.js';
import type { PodView } from '../k8s/pod-view.js';
import { Informer, type InformerOptions } from '../k8s/informer.js';
import { httpStatusOf } from '../k8s/kube-api.js';
import type { CloudAddress } from '../providers/provider.js';
import type { PodEIPClient } from './podeip-client.js';
import { type PodEIPContent, podEipContentOf } from './podeip-mapping.js';
import { EIP_CONTROLLER_ANNOTATION, PODEIP_API_VERSION, PODEIP_CONTROLLER, PODEIP_KIND, type PodEIP } from './podeip-resource.js';

export interface PodEIPMirrorParts {
  client: PodEIPClient;
  /** For the PodEIP watch. */
  kubeConfig: KubeConfig;
  claims: Informer<EIPClaim>;
  pods: Informer<PodView>;
  /** What podeip last learnt of an address; never a cloud read. */
  knownAddress(addressId: string): CloudAddress | undefined;
  events: EventRecorder;
  /** Reclaims the claim as `kubectl delete eipc` does. */
  deleteClaim(claim: EIPClaim): Promise<void>;
  logger: Logger;
  informers?: Pick<InformerOptions, 'quietLimitMs' | 'retryDelayMs' | 'relistIntervalMs'>;
}

export function isWrittenByPodeip(podEip: PodEIP): boolean {
  return podEip.metadata.annotations?.[EIP_CONTROLLER_ANNOTATION] === PODEIP_CONTROLLER;
}

export class PodEIPMirror {
  private podEips: Informer<PodEIP> | undefined;
  /** Keys of podeip's own PodEIPs in the cache, to tell a deletion of one from any other change. */
  private readonly ours = new Set<string>();
  /** Keys whose PodEIP podeip is deleting itself: not a reclaim. */
  private readonly removing = new Set<string>();
  /** `PodEIP uid/pod uid` of other controllers' PodEIPs already warned about. */
  private readonly warned = new Set<string>();
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(private readonly parts: PodEIPMirrorParts) {}

  /** The lifecycle's hook: called with every claim status podeip writes or confirms, before the pod's outputs. */
  readonly claimChanged = (claim: EIPClaim): Promise<void> => this.serially(keyOf(claim.metadata), () => this.mirror(claim));

  /** The CRD came or went: PodEIPs are watched and written only while it is served. */
  readonly crdServedChanged = (served: boolean): void => {
    this.parts.logger.info({ served }, served ? 'PodEIP CRD served: writing PodEIPs' : 'PodEIP CRD gone: no longer writing PodEIPs');
    this.stop();
    // Not awaited: a PodEIP list that keeps failing must not keep the CRD's removal from being noticed.
    if (served) void this.startMirroring().catch((error: unknown) => this.parts.logger.warn({ err: error }, 'could not write the PodEIPs of existing claims'));
  };

  stop(): void {
    this.podEips?.stop();
    this.podEips = undefined;
    this.ours.clear();
  }

  private async startMirroring(): Promise<void> {
    const { client, kubeConfig, logger, informers } = this.parts;
    const podEips = new Informer<PodEIP>(
      kubeConfig,
      {
        watchPath: client.watchPath,
        list: () => client.list(),
        transform: (raw) => raw as PodEIP,
        keyOf: (podEip) => keyOf(podEip.metadata),
        resourceVersionOf: (podEip) => podEip.metadata.resourceVersion ?? '',
      },
      { ...informers, logger, onChange: (key) => void this.podEipChanged(key) },
    );
    this.podEips = podEips;
    await podEips.start();
    if (this.podEips !== podEips) return;
    for (const claim of this.parts.claims.list()) await this.claimChanged(claim);
  }

  private async mirror(claim: EIPClaim): Promise<void> {
    const podEips = this.podEips;
    if (!podEips?.synced) return;
    const existing = podEips.get(keyOf(claim.metadata));
    if (existing && !isWrittenByPodeip(existing)) return this.warnAboutForeign(claim, existing);
    const addressId = claim.status?.addressId;
    const content = podEipContentOf(claim, addressId ? this.parts.knownAddress(addressId) : undefined, this.parts.pods.get(keyOf(claim.metadata)));
    try {
      if (!content) return existing ? await this.remove(existing) : undefined;
      podEips.observe(await this.written(claim, content, existing));
    } catch (error) {
      // The CRD went away meanwhile; the presence check stops the mirroring.
      if (httpStatusOf(error) === 404) return;
      // Refused for good (a CRD stricter than podeip's): said on the claim, never holding the pod's outputs back.
      if (httpStatusOf(error) === 422 || httpStatusOf(error) === 400) return this.warnRefused(claim, error);
      throw error;
    }
  }

  /** Once per claim and refusal. */
  private async warnRefused(claim: EIPClaim, error: unknown): Promise<void> {
    const { namespace, name, uid } = claim.metadata;
    const message = `could not write PodEIP ${namespace}/${name}: ${error instanceof Error ? error.message : String(error)}`;
    const warning = `${uid}/${message}`;
    if (this.warned.has(warning)) return;
    this.warned.add(warning);
    this.parts.logger.warn({ err: error, key: keyOf(claim.metadata) }, 'PodEIP write refused; the pod gets its outputs without it');
    await this.parts.events.record({ apiVersion: `${GROUP}/${VERSION}`, kind: KIND, namespace, name, uid }, 'Warning', 'FailedWritePodEIP', message);
  }

  /** The PodEIP as it now is: created, or its spec and status brought in line (only what differs is written). */
  private async written(claim: EIPClaim, content: PodEIPContent, existing: PodEIP | undefined): Promise<PodEIP> {
    const { client } = this.parts;
    const { namespace, name } = claim.metadata;
    let current = existing ?? (await client.create(this.newPodEip(claim, content)));
    if (!isDeepStrictEqual(current.spec, content.spec)) current = await client.patch(namespace, name, { spec: content.spec });
    if (isDeepStrictEqual(current.status ?? {}, content.status)) return current;
    const cleared = Object.keys(current.status ?? {}).filter((field) => !(field in content.status));
    return client.patchStatus(namespace, name, { ...Object.fromEntries(cleared.map((field) => [field, null])), ...content.status });
  }

  private newPodEip(claim: EIPClaim, content: PodEIPContent): PodEIP {
    const { namespace, name, uid } = claim.metadata;
    return {
      apiVersion: PODEIP_API_VERSION,
      kind: PODEIP_KIND,
      metadata: {
        namespace,
        name,
        annotations: { [EIP_CONTROLLER_ANNOTATION]: PODEIP_CONTROLLER },
        ownerReferences: [{ apiVersion: `${GROUP}/${VERSION}`, kind: KIND, name, uid }],
      },
      spec: content.spec,
    };
  }

  private async remove(podEip: PodEIP): Promise<void> {
    const key = keyOf(podEip.metadata);
    this.removing.add(key);
    try {
      await this.parts.client.delete(podEip.metadata.namespace, podEip.metadata.name, podEip.metadata.uid ?? '');
      this.podEips?.forget(key);
      this.ours.delete(key);
    } finally {
      // A deletion the watch tells of later is no longer among ours: the mark must not outlive the call, or the next hand deletion of the name would be taken for podeip's own.
      this.removing.delete(key);
    }
  }

  /** Once per PodEIP and pod: on the claim, and on the pod the PodEIP should serve. */
  private async warnAboutForeign(claim: EIPClaim, podEip: PodEIP): Promise<void> {
    const { namespace, name } = claim.metadata;
    const pod = this.parts.pods.get(keyOf(claim.metadata));
    const warning = `${podEip.metadata.uid}/${pod?.uid}`;
    if (this.warned.has(warning)) return;
    this.warned.add(warning);
    const writer = podEip.metadata.annotations?.[EIP_CONTROLLER_ANNOTATION] ?? 'another controller';
    const message = `PodEIP ${namespace}/${name} is written by ${writer}, not podeip: podeip leaves it as it is, so it may not show this pod's address`;
    const targets = [{ apiVersion: `${GROUP}/${VERSION}`, kind: KIND, namespace, name, uid: claim.metadata.uid }];
    if (pod) targets.push({ apiVersion: 'v1', kind: 'Pod', namespace, name, uid: pod.uid });
    await Promise.all(targets.map((target) => this.parts.events.record(target, 'Warning', 'PodEIPOwnedElsewhere', message)));
  }

  /** A PodEIP appeared, changed or went: put it back in line with its claim, or reclaim when one of podeip's was deleted by hand. */
  private async podEipChanged(key: string): Promise<void> {
    try {
      const podEip = this.podEips?.get(key);
      if (podEip && isWrittenByPodeip(podEip)) this.ours.add(key);
      if (!podEip && this.ours.delete(key)) return await this.podEipDeleted(key);
      const claim = this.parts.claims.get(key);
      if (claim) return await this.claimChanged(claim);
      if (podEip && isWrittenByPodeip(podEip) && this.parts.claims.synced) await this.serially(key, () => this.remove(podEip));
    } catch (error) {
      this.parts.logger.warn({ err: error, key }, 'could not bring a PodEIP in line with its claim');
    }
  }

  private async podEipDeleted(key: string): Promise<void> {
    if (this.removing.delete(key)) return;
    const claim = this.parts.claims.get(key);
    if (!claim || claim.metadata.deletionTimestamp || claim.spec.provider !== 'alibaba') return;
    // Deleting the CRD deletes every PodEIP: that reclaims nothing.
    if (!(await this.parts.client.crdServed())) return;
    this.parts.logger.info({ key }, 'PodEIP deleted by hand: reclaiming its claim');
    await this.parts.deleteClaim(claim);
  }

  /** One PodEIP write at a time per key, so the hook and the watch never race to create it. */
  private serially(key: string, work: () => Promise<void>): Promise<void> {
    const next = (this.inFlight.get(key) ?? Promise.resolve()).catch(() => undefined).then(work);
    this.inFlight.set(key, next);
    const forget = () => {
      if (this.inFlight.get(key) === next) this.inFlight.delete(key);
    };
    next.then(forget, forget);
    return next;
  }
}
