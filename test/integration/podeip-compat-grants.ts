/** The config/rbac grants only --podeip-compat (Alibaba) uses: the PodEIP CRD look-up and PodEIPs themselves. */
import type { Grant } from '../manifests/rbac-rules.js';

export function isPodEipCompatGrant(grant: Grant): boolean {
  return grant.apiGroup === 'alibabacloud.com' || grant.resource === 'customresourcedefinitions';
}
