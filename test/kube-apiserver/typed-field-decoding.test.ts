/**
 * Built-in objects are decoded into Go structs (apimachinery pkg/apis/meta/v1 time.go and
 * micro_time.go; Go encoding/json): Lease renewTime/acquireTime are MicroTime with exactly 6
 * fractional digits, int32 fields such as leaseDurationSeconds take only integers, and a metav1.Time
 * such as an Event's lastTimestamp is kept at second precision.
 */
import { useLocalServer } from './local-server.js';

describe('local API server: typed decoding of built-in fields', () => {
  const local = useLocalServer();
  const post = async (path: string, body: object) => {
    const response = await fetch(`${local.server.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as any };
  };
  const lease = (name: string, spec: object) => post('/apis/coordination.k8s.io/v1/namespaces/default/leases', { metadata: { name }, spec });

  it('keeps a Lease MicroTime with 6 fractional digits, in UTC', async () => {
    const answer = await lease('micro', { holderIdentity: 'a', leaseDurationSeconds: 15, renewTime: '2026-11-30T01:02:03.123456Z', acquireTime: '2026-11-30T03:02:03.000001+02:00' });
    expect(answer.status).toBe(201);
    expect(answer.body.spec).toMatchObject({ renewTime: '2026-11-30T01:02:03.123456Z', acquireTime: '2026-11-30T01:02:03.000001Z' });
  });

  it.each([
    ['2026-11-30T01:02:03.123Z', 'cannot parse ".123Z" as ".000000"'],
    ['2026-11-30T01:02:03Z', 'cannot parse "Z" as ".000000"'],
  ])('refuses the MicroTime %s with the decoder error', async (renewTime, detail) => {
    const answer = await lease('milli', { renewTime });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      reason: 'BadRequest',
      message: `Lease in version "v1" cannot be handled as a Lease: parsing time "${renewTime}" as "2006-01-02T15:04:05.000000Z07:00": ${detail}`,
    });
  });

  it.each([
    [1.5, 'number 1.5'],
    ['15', 'string'],
    [2 ** 31, 'number 2147483648'],
  ])('refuses leaseDurationSeconds %p, which is not an int32', async (value, shown) => {
    const answer = await lease('int', { leaseDurationSeconds: value });
    expect(answer.body.message).toBe(`Lease in version "v1" cannot be handled as a Lease: json: cannot unmarshal ${shown} into Go struct field LeaseSpec.spec.leaseDurationSeconds of type int32`);
  });

  it('stores an Event lastTimestamp at second precision', async () => {
    const answer = await post('/api/v1/namespaces/default/events', {
      metadata: { name: 'timed' },
      involvedObject: { kind: 'Pod', name: 'p', namespace: 'default' },
      reason: 'Started',
      lastTimestamp: '2026-11-30T01:02:03.987Z',
      firstTimestamp: '2026-11-30T03:02:03+02:00',
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ lastTimestamp: '2026-11-30T01:02:03Z', firstTimestamp: '2026-11-30T01:02:03Z' });
  });
});
