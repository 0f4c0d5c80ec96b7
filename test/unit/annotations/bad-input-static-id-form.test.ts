/**
 * SPEC §3.4 (issue 14 item 1): a static address id that is not of the provider's form is bad input,
 * caught before any cloud call; on Tencent one such id used to fail every batched DescribeAddresses.
 */
import { parseAlibabaAnnotations } from '../../../src/annotations/alibaba.js';
import { parseTencentAnnotations } from '../../../src/annotations/tencent.js';
import { SeededRandom } from '../../../hack/network/seeded-random.js';

const IDS = 'tke.cloud.tencent.com/eip-id-list';
const EKS_IDS = 'eks.tke.cloud.tencent.com/eip-id-list';
const TENCENT_FORM = '"eip-" and 8 lowercase letters or digits, such as "eip-m44ku5d2"';
const STATIC = 'k8s.aliyun.com/pod-eip-instanceid';
const ALIBABA_PROBLEM = 'must be one EIP allocation id ("eip-" and 16 to 32 lowercase letters or digits, such as "eip-bp1jvx5ki6c0n4e7qa2u8"), got';

const noOwner = { name: 'web', ownerReferences: [] };

function tencent(annotations: Record<string, string>) {
  return parseTencentAnnotations({ ...noOwner, annotations });
}

function alibaba(annotations: Record<string, string>) {
  return parseAlibabaAnnotations({ ...noOwner, annotations });
}

/** Ids as the emulators mint them (hack/cloud/tencent/address-book.ts: 8 characters, hack/cloud/alibaba/eip-inventory.ts: 20). */
const random = new SeededRandom(14);
const EMULATOR_TENCENT_ID = random.id('eip', 8);
const EMULATOR_ALIBABA_ID = random.id('eip', 20);

describe('Tencent eip-id-list: every entry has the address id form', () => {
  test.each([
    ['one documented id', 'eip-m44ku5d2', ['eip-m44ku5d2']],
    ['an emulator id', EMULATOR_TENCENT_ID, [EMULATOR_TENCENT_ID]],
    ['a list, spaces trimmed', 'eip-m44ku5d2 , eip-0a1b2c3d', ['eip-m44ku5d2', 'eip-0a1b2c3d']],
  ])('accepted: %s', (_name, value, addressIds) => {
    expect(tencent({ [IDS]: value })).toEqual({ kind: 'static', deletePolicy: 'Delete', addressIds, chooseByOrdinal: false });
  });

  test.each([
    ['a word (12 characters)', 'eip-doesnotexist', IDS, 'eip-doesnotexist'],
    ['7 characters', 'eip-m44ku5d', IDS, 'eip-m44ku5d'],
    ['9 characters', 'eip-m44ku5d2x', IDS, 'eip-m44ku5d2x'],
    ['upper case', 'eip-M44KU5D2', IDS, 'eip-M44KU5D2'],
    ['upper-case prefix', 'EIP-m44ku5d2', IDS, 'EIP-m44ku5d2'],
    ['no prefix', 'm44ku5d2', IDS, 'm44ku5d2'],
    ['a dash inside', 'eip-m44k-5d2', IDS, 'eip-m44k-5d2'],
    ['another resource', 'eni-m44ku5d2', IDS, 'eni-m44ku5d2'],
    ['the second entry of a list', 'eip-m44ku5d2,eip-doesnotexist,eip-alsobad', IDS, 'eip-doesnotexist'],
    ['under the super-node prefix', 'eip-doesnotexist', EKS_IDS, 'eip-doesnotexist'],
  ])('refused: %s', (_name, value, annotation, bad) => {
    expect(tencent({ [annotation]: value })).toEqual({
      kind: 'invalid',
      annotation,
      problem: `lists ${JSON.stringify(bad)}, which is not a Tencent address id (${TENCENT_FORM})`,
    });
  });

  test.each([
    ['an empty list', ''],
    ['an empty entry', 'eip-m44ku5d2,,eip-0a1b2c3d'],
    ['a trailing comma', 'eip-m44ku5d2,'],
    ['a blank entry', 'eip-m44ku5d2, '],
  ])('refused: %s', (_name, value) => {
    expect(tencent({ [IDS]: value })).toEqual({
      kind: 'invalid',
      annotation: IDS,
      problem: `must be a comma-separated list of address ids such as "eip-m44ku5d2,eip-bdm3oq7k", got ${JSON.stringify(value)}`,
    });
  });

  test.each([
    ['twice in a row', 'eip-m44ku5d2,eip-m44ku5d2'],
    ['apart, with spaces', 'eip-m44ku5d2, eip-0a1b2c3d, eip-m44ku5d2'],
  ])('refused: the same id %s', (_name, value) => {
    expect(tencent({ [IDS]: value })).toEqual({ kind: 'invalid', annotation: IDS, problem: 'lists eip-m44ku5d2 more than once' });
  });
});

describe('Alibaba pod-eip-instanceid: an EIP allocation id', () => {
  test.each([
    ['16 characters (older ids, e.g. eip-25877c70gddh****)', 'eip-25877c70gddh0a1b'],
    ['20 characters, as the emulator mints', EMULATOR_ALIBABA_ID],
    ['21 characters (e.g. eip-2zeerraiwb7ujsxdc****)', 'eip-2zeerraiwb7ujsxdc0a1b'],
    ['32 characters', `eip-${'a1'.repeat(16)}`],
  ])('accepted: %s', (_name, id) => {
    expect(alibaba({ [STATIC]: id })).toEqual({ kind: 'static', deletePolicy: 'Delete', addressIds: [id], chooseByOrdinal: false });
  });

  test.each([
    ['a word (12 characters)', STATIC, 'eip-doesnotexist'],
    ['15 characters', STATIC, 'eip-25877c70gddh0a1'],
    ['33 characters', STATIC, `eip-${'a1'.repeat(16)}b`],
    ['upper case', STATIC, 'eip-BP1JVX5KI6C0N4E7QA2U'],
    ['two ids', STATIC, `eip-25877c70gddh0a1b,${EMULATOR_ALIBABA_ID}`],
    ['empty', STATIC, ''],
    ['under the ACS prefix', 'network.alibabacloud.com/pod-eip-instanceid', 'eip-doesnotexist'],
    ['under the ECI alias', 'k8s.aliyun.com/eci-eip-instanceid', 'eip-doesnotexist'],
  ])('refused: %s', (_name, annotation, value) => {
    expect(alibaba({ [annotation]: value })).toEqual({ kind: 'invalid', annotation, problem: `${ALIBABA_PROBLEM} ${JSON.stringify(value)}` });
  });
});
