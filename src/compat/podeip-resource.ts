/**
 * ACK's `PodEIP` (podeips.alibabacloud.com/v1beta1, SPEC §11) as ack-extend-network-controller
 * writes it and OpenKruiseGame's AlibabaCloud-EIP plugin reads it. Field names and types follow
 * OKG's vendored Go types (cloudprovider/alibabacloud/apis/v1beta1/podeip_types.go).
 */
import type { ObjectMeta } from '../k8s/eipclaim.js';

export const PODEIP_GROUP = 'alibabacloud.com';
export const PODEIP_VERSION = 'v1beta1';
export const PODEIP_PLURAL = 'podeips';
export const PODEIP_KIND = 'PodEIP';
export const PODEIP_API_VERSION = `${PODEIP_GROUP}/${PODEIP_VERSION}`;
/** The CRD's name, as `kubectl get crd` shows it. */
export const PODEIP_CRD_NAME = `${PODEIP_PLURAL}.${PODEIP_GROUP}`;

/** Which controller writes the object; podeip touches only objects whose value is {@link PODEIP_CONTROLLER}. */
export const EIP_CONTROLLER_ANNOTATION = 'k8s.aliyun.com/eip-controller';
export const PODEIP_CONTROLLER = 'podeip';

export type PodEIPAllocType = 'Auto' | 'Static';
export type PodEIPReleaseStrategy = 'Follow' | 'TTL' | 'Never';

export interface PodEIPAllocationType {
  type: PodEIPAllocType;
  releaseStrategy: PodEIPReleaseStrategy;
  /** A Go duration (`5m0s`), with releaseStrategy TTL. */
  releaseAfter?: string;
}

export interface PodEIPSpec {
  /** The EIP's id (`eip-…`). */
  allocationID: string;
  bandwidthPackageID?: string;
  allocationType: PodEIPAllocationType;
}

export interface PodEIPStatus {
  networkInterfaceID?: string;
  privateIPAddress?: string;
  eipAddress?: string;
  isp?: string;
  internetChargeType?: string;
  resourceGroupID?: string;
  name?: string;
  publicIpAddressPoolID?: string;
  /** The cloud's status of the address (`InUse`, `Available`, …). */
  status?: string;
  bandwidthPackageID?: string;
  /** RFC 3339; when the pod was last seen. */
  podLastSeen?: string;
}

export interface PodEIP {
  apiVersion: typeof PODEIP_API_VERSION;
  kind: typeof PODEIP_KIND;
  metadata: Partial<ObjectMeta> & { name: string; namespace: string };
  spec: PodEIPSpec;
  status?: PodEIPStatus;
}
