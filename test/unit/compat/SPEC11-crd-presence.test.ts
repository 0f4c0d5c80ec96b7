/** SPEC §11: podeip notices the PodEIP CRD being installed or removed while it runs (src/compat/crd-presence). */
import { pino } from 'pino';
import { CrdPresence } from '../../../src/compat/crd-presence.js';

const HOUR = 3_600_000;

function presenceOf(answers: Array<boolean | Error>) {
  const changes: boolean[] = [];
  const isServed = async () => {
    const answer = answers.shift()!;
    if (answer instanceof Error) throw answer;
    return answer;
  };
  const presence = new CrdPresence(isServed, (served) => changes.push(served), HOUR, pino({ level: 'silent' }));
  return { presence, changes };
}

describe('CrdPresence', () => {
  test('reports each install and removal once, and keeps what it knew when the API server does not answer', async () => {
    const { presence, changes } = presenceOf([false, true, true, new Error('connection refused'), false, true]);
    await presence.start();
    for (let check = 0; check < 5; check++) await presence.checkNow();
    presence.stop();
    expect(changes).toEqual([true, false, true]);
  });

  test('a CRD installed before start is reported by the first check', async () => {
    const { presence, changes } = presenceOf([true]);
    await presence.start();
    presence.stop();
    expect(changes).toEqual([true]);
  });

  test('nothing is reported after stop, and a later start reports the CRD afresh', async () => {
    const { presence, changes } = presenceOf([true, true, true]);
    await presence.start();
    presence.stop();
    await presence.checkNow();
    await presence.start();
    presence.stop();
    expect(changes).toEqual([true, true]);
  });
});
