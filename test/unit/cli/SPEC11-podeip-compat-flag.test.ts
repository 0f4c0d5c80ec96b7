import { FlagError } from '../../../src/cli/flag-parser.js';
import { parseRunFlags, RUN_USAGE } from '../../../src/cli/run-flags.js';

const ALIBABA = ['--region=cn-hangzhou', '--cluster-id=cls-1', '--provider=alibaba'];

describe('--podeip-compat (SPEC §11: on for the alibaba provider unless turned off)', () => {
  test('on by default with the alibaba provider, off with --podeip-compat=false', () => {
    expect(parseRunFlags(ALIBABA).podeipCompat).toBe(true);
    expect(parseRunFlags([...ALIBABA, '--podeip-compat']).podeipCompat).toBe(true);
    expect(parseRunFlags([...ALIBABA, '--podeip-compat=false']).podeipCompat).toBe(false);
  });

  test('off with the tencent provider, and asking for it there is a start-up error', () => {
    expect(parseRunFlags(['--region=ap-guangzhou', '--cluster-id=cls-1']).podeipCompat).toBe(false);
    const parse = () => parseRunFlags(['--region=ap-guangzhou', '--cluster-id=cls-1', '--podeip-compat']);
    expect(parse).toThrow(FlagError);
    expect(parse).toThrow("--podeip-compat needs --provider alibaba: PodEIP is ACK's, got --provider tencent");
  });

  test('is listed in podeip run --help with its default', () => {
    expect(RUN_USAGE).toMatch(/--podeip-compat.*\(default true with --provider alibaba\)/s);
  });
});
