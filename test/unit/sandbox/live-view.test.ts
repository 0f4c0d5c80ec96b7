import type { V1Pod } from '@kubernetes/client-node';
import { formatTable, viewRows, type ClaimView } from '../../../hack/sandbox/live-view.js';

const pod = (name: string, phase: string, podIP?: string): V1Pod => ({
  metadata: { name, namespace: 'default' },
  spec: { containers: [], nodeName: 'node-1' },
  status: { phase, podIP },
});
const claim = (name: string, phase: string, publicIP?: string): ClaimView => ({
  metadata: { name, namespace: 'default' },
  spec: { deletePolicy: 'Never' },
  status: { phase, publicIP, addressId: publicIP ? `eip-${name}` : undefined },
});

describe('sandbox live view', () => {
  it('joins pods with their claims and lists retained claims whose pod is gone', () => {
    const rows = viewRows([pod('web-0', 'Running', '10.0.0.11'), pod('plain', 'Running', '10.0.0.12')], [
      claim('web-0', 'Bound', '203.0.113.7'),
      claim('web-1', 'Retained', '203.0.113.8'),
    ]);
    expect(rows).toEqual([
      ['default', 'plain', 'Running', '10.0.0.12', 'node-1', '-', '-', '-', '-'],
      ['default', 'web-0', 'Running', '10.0.0.11', 'node-1', 'Bound', 'Never', '203.0.113.7', 'eip-web-0'],
      ['default', 'web-1', '(gone)', '-', '-', 'Retained', 'Never', '203.0.113.8', 'eip-web-1'],
    ]);
  });

  it('pads columns to the widest cell', () => {
    const table = formatTable([['default', 'a', 'Running', '-', '-', '-', '-', '-', '-']]);
    expect(table.split('\n')[1]).toBe('default    a    Running    -       -     -      -       -          -');
  });
});
