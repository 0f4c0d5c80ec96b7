import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { ADOPT_USAGE } from '../../../src/cli/adopt-command.js';
import { podeip, USAGE } from '../../../src/cli/podeip.js';

/** `podeip adopt` (SPEC §11) reads its flags before touching the cluster or the cloud: bad ones exit 2 with one line. */
describe('podeip adopt flags', () => {
  let stderr = '';
  beforeEach(() => {
    stderr = '';
    jest.spyOn(process.stderr, 'write').mockImplementation((text) => {
      stderr += String(text);
      return true;
    });
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  async function invoke(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    stderr = '';
    const code = await podeip(['adopt', ...argv], { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
    return { code, stdout, stderr };
  }

  test('the podeip usage names it, and --help prints its own', async () => {
    expect(USAGE).toMatch(/^ {2}adopt {5}turn ipamd's, Terway's or ack-extend's bindings into claims without re-binding/m);
    expect(await invoke('--help')).toEqual({ code: 0, stdout: `${ADOPT_USAGE}\n`, stderr: '' });
    expect(ADOPT_USAGE).toContain('--from string');
  });

  test('--from is required and must name a known controller', async () => {
    expect(await invoke('--region=ap-guangzhou', '--cluster-id=c1')).toEqual({ code: 2, stdout: '', stderr: 'podeip adopt: --from is required: one of ipamd, terway, ack-extend\n' });
    expect(await invoke('--from=flannel', '--region=ap-guangzhou', '--cluster-id=c1')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'podeip adopt: --from must be one of ipamd, terway, ack-extend, got "flannel"\n',
    });
  });

  test('the source decides the provider: a different --provider is refused', async () => {
    expect(await invoke('--from=terway', '--provider=tencent', '--region=ap-guangzhou', '--cluster-id=c1')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'podeip adopt: --from terway needs --provider alibaba, got --provider tencent\n',
    });
  });
});
