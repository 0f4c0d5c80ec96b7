import { formatTracked, hostCidrOf, parseTracked, planSrcCidrs } from '../../../src/egress/non-masquerade-src-cidrs.js';

/** Seed 003's sample data.config, as TKE writes it. */
const TKE = '{"NonMasqueradeCIDRs":["172.16.0.0/16","10.67.0.0/16"],"NonMasqueradeSrcCIDRs":["172.16.0.2/32"],"MasqLinkLocal":true,"ResyncInterval":"1m0s","MasqLinkLocalIPv6":false}';

describe('planSrcCidrs', () => {
  test('adds one entry per Bound pod after the user\'s own, leaving every other byte as it was', () => {
    expect(planSrcCidrs(TKE, [], ['10.0.0.12/32', '10.0.0.11/32'])).toEqual({
      kind: 'write',
      configText: '{"NonMasqueradeCIDRs":["172.16.0.0/16","10.67.0.0/16"],"NonMasqueradeSrcCIDRs":["172.16.0.2/32","10.0.0.11/32","10.0.0.12/32"],"MasqLinkLocal":true,"ResyncInterval":"1m0s","MasqLinkLocalIPv6":false}',
      tracked: ['10.0.0.11/32', '10.0.0.12/32'],
    });
  });

  test('removes only its own entries once their pods are unbound', () => {
    const written = '{"NonMasqueradeCIDRs":["172.16.0.0/16"],"NonMasqueradeSrcCIDRs":["172.16.0.2/32","10.0.0.11/32","10.0.0.12/32"],"MasqLinkLocal":true}';
    expect(planSrcCidrs(written, ['10.0.0.11/32', '10.0.0.12/32'], ['10.0.0.12/32'])).toEqual({
      kind: 'write',
      configText: '{"NonMasqueradeCIDRs":["172.16.0.0/16"],"NonMasqueradeSrcCIDRs":["172.16.0.2/32","10.0.0.12/32"],"MasqLinkLocal":true}',
      tracked: ['10.0.0.12/32'],
    });
  });

  test('a user entry equal to a pod\'s is not taken over, so it stays when the pod is unbound', () => {
    expect(planSrcCidrs(TKE, [], ['172.16.0.2/32'])).toEqual({ kind: 'in-place' });
    expect(planSrcCidrs(TKE, [], [])).toEqual({ kind: 'in-place' });
  });

  test('nothing to write when the list and the annotation already agree', () => {
    const written = '{"NonMasqueradeSrcCIDRs":["172.16.0.2/32","10.0.0.11/32"]}';
    expect(planSrcCidrs(written, ['10.0.0.11/32'], ['10.0.0.11/32'])).toEqual({ kind: 'in-place' });
  });

  test('an entry a person removed is put back while its pod is Bound; one they added stays theirs', () => {
    const edited = '{"NonMasqueradeSrcCIDRs":["172.16.0.2/32","192.168.9.0/24"],"MasqLinkLocal":false}';
    expect(planSrcCidrs(edited, ['10.0.0.11/32'], ['10.0.0.11/32'])).toEqual({
      kind: 'write',
      configText: '{"NonMasqueradeSrcCIDRs":["172.16.0.2/32","192.168.9.0/24","10.0.0.11/32"],"MasqLinkLocal":false}',
      tracked: ['10.0.0.11/32'],
    });
  });

  test('an annotation naming an entry a person removed is corrected without touching data.config', () => {
    expect(planSrcCidrs(TKE, ['10.0.0.11/32'], [])).toEqual({ kind: 'write', configText: TKE, tracked: [] });
  });

  test('adds the key when data.config has none, keeping the rest', () => {
    expect(planSrcCidrs('{"NonMasqueradeCIDRs":["172.16.0.0/16"],"MasqLinkLocal":true}', [], ['10.0.0.11/32'])).toEqual({
      kind: 'write',
      configText: '{"NonMasqueradeCIDRs":["172.16.0.0/16"],"MasqLinkLocal":true,"NonMasqueradeSrcCIDRs": ["10.0.0.11/32"]}',
      tracked: ['10.0.0.11/32'],
    });
  });

  test('edits the key ip-masq-agent reads when it is spelled in another case (Go decodes keys ignoring case)', () => {
    expect(planSrcCidrs('{"nonMasqueradeSrcCIDRs":[],"masqLinkLocal":true}', [], ['10.0.0.11/32'])).toEqual({
      kind: 'write',
      configText: '{"nonMasqueradeSrcCIDRs":["10.0.0.11/32"],"masqLinkLocal":true}',
      tracked: ['10.0.0.11/32'],
    });
  });

  test('an indented data.config keeps its indentation', () => {
    const indented = '{\n    "NonMasqueradeCIDRs": ["10.0.0.0/16"],\n    "NonMasqueradeSrcCIDRs": [],\n    "MasqLinkLocal": true\n}\n';
    const plan = planSrcCidrs(indented, [], ['10.0.0.11/32']);
    expect(plan).toEqual({
      kind: 'write',
      configText: '{\n    "NonMasqueradeCIDRs": ["10.0.0.0/16"],\n    "NonMasqueradeSrcCIDRs": [\n        "10.0.0.11/32"\n    ],\n    "MasqLinkLocal": true\n}\n',
      tracked: ['10.0.0.11/32'],
    });
  });

  test.each([
    [undefined, 'it has no data.config'],
    ['nonMasqueradeCIDRs: [10.0.0.0/8]', 'its data.config is not a JSON object (podeip edits the JSON form TKE writes)'],
    ['["10.0.0.0/8"]', 'its data.config is not a JSON object (podeip edits the JSON form TKE writes)'],
    ['{"NonMasqueradeSrcCIDRs":"10.0.0.1/32"}', 'its data.config NonMasqueradeSrcCIDRs is not a list of strings'],
  ])('will not edit %p', (configText, problem) => {
    expect(planSrcCidrs(configText, [], ['10.0.0.11/32'])).toEqual({ kind: 'unusable', problem });
  });
});

describe('the tracking annotation', () => {
  test('round-trips sorted', () => {
    expect(formatTracked(['10.0.0.12/32', '10.0.0.11/32'])).toBe('["10.0.0.11/32","10.0.0.12/32"]');
    expect(parseTracked('["10.0.0.11/32","10.0.0.12/32"]')).toEqual(['10.0.0.11/32', '10.0.0.12/32']);
  });

  test.each([undefined, 'not json', '{"a":1}', '[1]'])('%p tracks nothing', (annotation) => {
    expect(parseTracked(annotation)).toEqual([]);
  });
});

test('a pod IP becomes a host entry', () => {
  expect(hostCidrOf('10.0.0.11')).toBe('10.0.0.11/32');
  expect(hostCidrOf('fd00::b')).toBe('fd00::b/128');
});
