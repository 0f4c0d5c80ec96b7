import { FlagError } from '../../../src/cli/flag-parser.js';
import { parseRunFlags, RUN_USAGE } from '../../../src/cli/run-flags.js';

const REQUIRED = ['--region=ap-guangzhou', '--cluster-id=cls-1'];

describe('--manage-ip-masq-agent (SPEC §11, Tencent only)', () => {
  test('off by default, on when given with the tencent provider', () => {
    expect(parseRunFlags(REQUIRED).manageIpMasqAgent).toBe(false);
    expect(parseRunFlags([...REQUIRED, '--manage-ip-masq-agent']).manageIpMasqAgent).toBe(true);
  });

  test('with another provider it is a start-up error naming both flags', () => {
    const parse = () => parseRunFlags(['--region=cn-hangzhou', '--cluster-id=cls-1', '--provider=alibaba', '--manage-ip-masq-agent']);
    expect(parse).toThrow(FlagError);
    expect(parse).toThrow("--manage-ip-masq-agent needs --provider tencent: ip-masq-agent-config is TKE's, got --provider alibaba");
  });

  test('is listed in podeip run --help', () => {
    expect(RUN_USAGE).toContain('--manage-ip-masq-agent');
  });
});
