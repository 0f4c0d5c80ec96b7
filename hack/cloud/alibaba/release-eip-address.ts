/** VPC ReleaseEipAddress: only an Available pay-as-you-go EIP; Releasing, then gone after the delay. */
import { AlibabaApiError } from './alibaba-api-error.js';
import { VPC_VERSION, type AlibabaAction } from './alibaba-action.js';
import { requireStatus } from './eip-status-rules.js';
import { admitOperationOn } from './operation-frequency.js';

export const releaseEipAddress: AlibabaAction = {
  name: 'ReleaseEipAddress',
  version: VPC_VERSION,
  parameters: ['AllocationId'],
  handle(parameters, context) {
    const eip = context.eips.get(parameters.required('AllocationId'));
    requireStatus(eip, 'Available');
    if (eip.instanceChargeType === 'PrePaid') {
      throw new AlibabaApiError('Forbidden.ChargeTypeIsPrepaid', "It's forbidden to release a prepaid EIP");
    }
    admitOperationOn(eip, context);
    eip.status = 'Releasing';
    context.scheduler.schedule(context.delays.releaseMs, () => {
      if (context.eips.find(eip.allocationId) === eip) context.eips.remove(eip.allocationId);
    });
    return {};
  },
};
