/**
 * PoolBook (SPEC §10) driven by in-memory readers: which addresses a pool lends, which are free,
 * who gets one, who may use the pool, and which pool lends an address.
 */
import type { EIPClaim } from '../../../src/k8s/eipclaim.js';
import type { EIPPool, EIPPoolSpec } from '../../../src/k8s/eippool.js';
import type { PodView } from '../../../src/k8s/pod-view.js';
import { PoolBook } from '../../../src/pools/pool-book.js';
import type { AddressState, CloudAddress } from '../../../src/providers/provider.js';

const EARLY = '2026-11-29T10:00:00Z';
const LATER = '2026-11-29T10:00:05Z';
const LATEST = '2026-11-29T10:00:09Z';

function pool(name: string, spec: Partial<EIPPoolSpec> = {}, createdAt = EARLY, deleting = false): EIPPool {
  return {
    apiVersion: 'podeip.io/v1alpha1',
    kind: 'EIPPool',
    metadata: { name, uid: `uid-${name}`, resourceVersion: '1', creationTimestamp: createdAt, ...(deleting ? { deletionTimestamp: LATEST } : {}) },
    spec: { namespaceSelector: {}, ...spec },
  };
}

interface ClaimShape {
  pool?: string;
  named?: string;
  held?: string;
  createdAt?: string;
  deleting?: boolean;
  namespace?: string;
}

function claim(name: string, { pool: poolName = 'game', named, held, createdAt = EARLY, deleting = false, namespace = 'games' }: ClaimShape = {}): EIPClaim {
  return {
    apiVersion: 'podeip.io/v1alpha1',
    kind: 'EIPClaim',
    metadata: { name, namespace, uid: `uid-${name}`, resourceVersion: '1', creationTimestamp: createdAt, ...(deleting ? { deletionTimestamp: LATEST } : {}) },
    spec: { provider: 'tencent', deletePolicy: 'Delete', ...(poolName ? { pool: poolName } : {}), ...(named ? { addressId: named } : {}) },
    ...(held ? { status: { addressId: held } } : {}),
  };
}

function address(id: string, state: AddressState = 'Available', tags: Record<string, string> = {}): CloudAddress {
  return { id, publicIp: `203.0.113.${id.length}`, state, rawStatus: state, tags };
}

function pod(name: string, namespace = 'games', labels: Record<string, string> = {}): PodView {
  return { namespace, name, uid: `pod-${name}`, resourceVersion: '1', annotations: {}, labels, ownerReferences: [], deleting: false, phase: 'Running', ownConditions: {} };
}

/** A PoolBook over plain lists the test edits; every address the cloud knows is Available unless set otherwise. */
function world() {
  const pools: EIPPool[] = [];
  const claims: EIPClaim[] = [];
  const namespaces = new Map<string, Record<string, string>>([['games', { team: 'games' }]]);
  const cloud = new Map<string, CloudAddress>();
  const book = new PoolBook({
    pools: { get: (name) => pools.find((candidate) => candidate.metadata.name === name), list: () => [...pools] },
    claims: { list: () => [...claims] },
    namespaces: { get: (name) => (namespaces.has(name) ? { labels: namespaces.get(name)! } : undefined) },
    knownAddress: (addressId) => cloud.get(addressId),
  });
  const addPool = (added: EIPPool) => {
    pools.push(added);
    return added;
  };
  const inCloud = (...ids: string[]) => ids.map((id) => cloud.set(id, address(id)).get(id)!);
  return { book, pools, claims, namespaces, cloud, addPool, inCloud };
}

const ids = (members: Array<{ addressId: string }>) => members.map((member) => member.addressId);

describe('PoolBook.members', () => {
  test('static addresses first, in the order listed, then owned ones, each with its ownership', () => {
    const { book, addPool, inCloud } = world();
    const game = addPool(pool('game', { addresses: ['eip-s2', 'eip-s1'] }));
    book.recordOwned('game', inCloud('eip-o1', 'eip-o2'));
    expect(book.members(game)).toEqual([
      { addressId: 'eip-s2', ownership: 'Static' },
      { addressId: 'eip-s1', ownership: 'Static' },
      { addressId: 'eip-o1', ownership: 'Owned' },
      { addressId: 'eip-o2', ownership: 'Owned' },
    ]);
  });

  test('an address an older pool lists is a member of that pool only, and the younger names it as listed elsewhere', () => {
    const { book, addPool } = world();
    const younger = addPool(pool('younger', { addresses: ['eip-shared', 'eip-mine'] }, LATER));
    const older = addPool(pool('older', { addresses: ['eip-shared'] }, EARLY));
    expect(ids(book.members(older))).toEqual(['eip-shared']);
    expect(ids(book.members(younger))).toEqual(['eip-mine']);
    expect(book.listedElsewhere(younger)).toEqual(['eip-shared']);
    expect(book.listedElsewhere(older)).toEqual([]);
  });

  test('created in the same second, the pool whose name sorts first keeps a shared address', () => {
    const { book, addPool } = world();
    const b = addPool(pool('b', { addresses: ['eip-shared'] }));
    const a = addPool(pool('a', { addresses: ['eip-shared'] }));
    expect(ids(book.members(a))).toEqual(['eip-shared']);
    expect(ids(book.members(b))).toEqual([]);
  });

  test('owned addresses recorded as none leave the pool with no owned member', () => {
    const { book, addPool, inCloud } = world();
    const game = addPool(pool('game'));
    book.recordOwned('game', inCloud('eip-o1'));
    book.recordOwned('game', []);
    expect(book.members(game)).toEqual([]);
    expect(book.owned('game')).toEqual([]);
  });
});

describe('PoolBook.free', () => {
  test('a member is free only when no claim holds or names it, nothing reserved it, and the cloud says Available', () => {
    const { book, addPool, inCloud, claims, cloud } = world();
    const game = addPool(pool('game', { addresses: ['eip-held', 'eip-named', 'eip-bound', 'eip-creating', 'eip-unknown', 'eip-free-static'] }));
    inCloud('eip-held', 'eip-named', 'eip-free-static');
    cloud.set('eip-bound', address('eip-bound', 'Bound'));
    cloud.set('eip-creating', address('eip-creating', 'Creating'));
    book.recordOwned('game', [...inCloud('eip-reserved', 'eip-free-owned')]);
    claims.push(claim('holder', { held: 'eip-held' }), claim('namer', { pool: '', named: 'eip-named' }), claim('taker', { createdAt: EARLY }));
    expect(book.take(game, claims[2]!)).toEqual({ addressId: 'eip-free-static', ownership: 'Static' });
    expect(book.free(game)).toEqual([{ addressId: 'eip-reserved', ownership: 'Owned' }, { addressId: 'eip-free-owned', ownership: 'Owned' }]);
  });

  test('a member held by a claim of another pool or no pool is still not free', () => {
    const { book, addPool, inCloud, claims } = world();
    const game = addPool(pool('game', { addresses: ['eip-1'] }));
    inCloud('eip-1');
    claims.push(claim('elsewhere', { pool: 'other', held: 'eip-1' }));
    expect(book.free(game)).toEqual([]);
  });
});

describe('PoolBook.take', () => {
  test('reserves synchronously: two takes never return the same address, and the third gets none', () => {
    const { book, addPool, inCloud, claims } = world();
    const game = addPool(pool('game', { addresses: ['eip-1', 'eip-2'] }));
    inCloud('eip-1', 'eip-2');
    const first = claim('first');
    const second = claim('second');
    const third = claim('third');
    expect(book.take(game, first)).toEqual({ addressId: 'eip-1', ownership: 'Static' });
    claims.push(first);
    book.settle('eip-1');
    claims[0] = claim('first', { held: 'eip-1' });
    expect(book.take(game, second)).toEqual({ addressId: 'eip-2', ownership: 'Static' });
    expect(book.take(game, third)).toBeUndefined();
    expect(book.free(game)).toEqual([]);
  });

  test('settle ends the reservation: an address whose status write failed is free again', () => {
    const { book, addPool, inCloud } = world();
    const game = addPool(pool('game', { addresses: ['eip-1'] }));
    inCloud('eip-1');
    expect(book.take(game, claim('a'))?.addressId).toBe('eip-1');
    expect(book.take(game, claim('b'))).toBeUndefined();
    book.settle('eip-1');
    expect(book.take(game, claim('b'))?.addressId).toBe('eip-1');
  });

  test('an older waiting claim keeps priority: a younger one gets an address only while more are free than older claims wait', () => {
    const { book, addPool, inCloud, claims } = world();
    const game = addPool(pool('game', { addresses: ['eip-1'] }));
    inCloud('eip-1');
    const older = claim('older', { createdAt: EARLY });
    const younger = claim('younger', { createdAt: LATER });
    claims.push(younger, older);
    expect(book.waiting('game').map((waiting) => waiting.metadata.name)).toEqual(['older', 'younger']);
    expect(book.take(game, younger)).toBeUndefined();
    expect(book.take(game, older)?.addressId).toBe('eip-1');
  });

  test('older claims being deleted, holding an address or of another pool do not hold a younger one back', () => {
    const { book, addPool, inCloud, claims } = world();
    const game = addPool(pool('game', { addresses: ['eip-1', 'eip-2'] }));
    inCloud('eip-1', 'eip-2');
    const younger = claim('younger', { createdAt: LATER });
    claims.push(claim('deleting', { deleting: true }), claim('holding', { held: 'eip-1' }), claim('other-pool', { pool: 'other' }), younger);
    expect(book.take(game, younger)?.addressId).toBe('eip-2');
  });

  test('the address a claim of that name held last is preferred when free; otherwise the first free one', () => {
    const { book, addPool, inCloud } = world();
    const game = addPool(pool('game', { addresses: ['eip-1', 'eip-2', 'eip-3'] }));
    inCloud('eip-1', 'eip-2', 'eip-3');
    const returning = claim('game-0');
    book.returned(returning, 'eip-1');
    book.returned(returning, 'eip-3');
    expect(book.take(game, claim('game-0'))?.addressId).toBe('eip-3');
    expect(book.take(game, claim('game-1'))?.addressId).toBe('eip-1');
  });

  test('the address a claim of that name held last, when another claim holds it now: the first free one', () => {
    const { book, addPool, inCloud, claims } = world();
    const game = addPool(pool('game', { addresses: ['eip-1', 'eip-3'] }));
    inCloud('eip-1', 'eip-3');
    book.returned(claim('game-0'), 'eip-3');
    claims.push(claim('holder', { pool: '', held: 'eip-3' }));
    expect(book.take(game, claim('game-0'))?.addressId).toBe('eip-1');
  });

  test('an address held by someone else (a pool releasing it) is reserved: not free, not taken, until settled', () => {
    const { book, addPool, inCloud } = world();
    const game = addPool(pool('game', { addresses: ['eip-1'] }));
    inCloud('eip-1');
    book.hold('eip-1', 'pool game');
    expect(book.isReserved('eip-1')).toBe(true);
    expect(book.free(game)).toEqual([]);
    expect(book.take(game, claim('a'))).toBeUndefined();
    book.settle('eip-1');
    expect(book.isReserved('eip-1')).toBe(false);
    expect(book.take(game, claim('a'))).toEqual({ addressId: 'eip-1', ownership: 'Static' });
  });

  test('no free member: nothing is taken, whatever the claim held before', () => {
    const { book, addPool } = world();
    const game = addPool(pool('game', { addresses: ['eip-gone'] }));
    book.returned(claim('game-0'), 'eip-gone');
    expect(book.take(game, claim('game-0'))).toBeUndefined();
  });
});

/** Review findings of issue 11: each failed before its fix in PoolBook.waiting. */
describe('PoolBook.take, waiting order (review findings, fixed)', () => {
  test('an older claim whose address is reserved (status write in flight) no longer holds a younger one back', () => {
    const { book, addPool, inCloud, claims } = world();
    const game = addPool(pool('game', { addresses: ['eip-1', 'eip-2'] }));
    inCloud('eip-1', 'eip-2');
    const older = claim('older', { createdAt: EARLY });
    const younger = claim('younger', { createdAt: LATER });
    claims.push(older, younger);
    expect(book.take(game, older)?.addressId).toBe('eip-1');
    expect(book.take(game, younger)?.addressId).toBe('eip-2');
  });

  test('an older claim in a namespace the pool does not admit is not waiting on it', () => {
    const { book, addPool, inCloud, claims, namespaces } = world();
    const game = addPool(pool('game', { addresses: ['eip-1'], namespaceSelector: { matchLabels: { team: 'games' } } }));
    inCloud('eip-1');
    namespaces.set('web', { team: 'web' });
    const refused = claim('refused', { createdAt: EARLY, namespace: 'web' });
    const admitted = claim('admitted', { createdAt: LATER });
    claims.push(refused, admitted);
    expect(book.waiting('game').map((waiting) => waiting.metadata.name)).toEqual(['admitted']);
    expect(book.take(game, admitted)?.addressId).toBe('eip-1');
  });
});

describe('PoolBook admission', () => {
  test('the namespaceSelector is matched against the namespace labels the namespaces reader gives', () => {
    const { book, addPool, namespaces } = world();
    addPool(pool('game', { namespaceSelector: { matchLabels: { team: 'games' } } }));
    namespaces.set('web', { team: 'web' });
    expect(book.refusal('game', pod('a', 'games'))).toBeUndefined();
    expect(book.refusal('game', pod('a', 'web'))).toEqual({ problem: `EIPPool game does not admit namespace web (its namespaceSelector does not match the namespace's labels)` });
    expect(book.refusal('game', pod('a', 'unknown'))).toEqual({ problem: `EIPPool game does not admit namespace unknown (its namespaceSelector does not match the namespace's labels)` });
  });

  test('{} admits every namespace, even one the reader does not know', () => {
    const { book, addPool } = world();
    addPool(pool('open', { namespaceSelector: {} }));
    expect(book.refusal('open', pod('a', 'unknown'))).toBeUndefined();
  });

  test('the podSelector narrows further on the pod labels', () => {
    const { book, addPool } = world();
    const game = addPool(pool('game', { namespaceSelector: {}, podSelector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['edge'] }] } }));
    expect(book.admissionProblem(game, pod('edge', 'games', { tier: 'edge' }))).toBeUndefined();
    expect(book.admissionProblem(game, pod('core', 'games', { tier: 'core' }))).toEqual({ problem: `EIPPool game does not admit pod core (its podSelector does not match the pod's labels)` });
  });

  test('a pool that does not exist, or is being deleted, refuses and says which', () => {
    const { book, addPool } = world();
    addPool(pool('leaving', {}, EARLY, true));
    expect(book.refusal('missing', pod('a'))).toEqual({ problem: 'names EIPPool missing, which does not exist' });
    expect(book.refusal('leaving', pod('a'))).toEqual({ problem: 'names EIPPool leaving, which is being deleted' });
  });
});

describe('PoolBook.lenderOf', () => {
  test('a listed address: the oldest pool listing it; an owned one: the pool whose tag it carries; else none', () => {
    const { book, addPool, inCloud } = world();
    addPool(pool('younger', { addresses: ['eip-shared'] }, LATER));
    const older = addPool(pool('older', { addresses: ['eip-shared'] }, EARLY));
    const owner = addPool(pool('owner'));
    book.recordOwned('owner', inCloud('eip-owned'));
    expect(book.lenderOf('eip-shared')).toBe(older);
    expect(book.lenderOf('eip-owned')).toBe(owner);
    expect(book.lenderOf('eip-stranger')).toBeUndefined();
  });

  test('an owned address of a pool that is gone from the cache has no lender', () => {
    const { book, inCloud } = world();
    book.recordOwned('gone', inCloud('eip-owned'));
    expect(book.lenderOf('eip-owned')).toBeUndefined();
  });
});

describe('PoolBook.holders', () => {
  test('every held address with its claim key, pooled or not', () => {
    const { book, claims } = world();
    claims.push(claim('a', { held: 'eip-1' }), claim('b', { pool: '', held: 'eip-2' }), claim('c'));
    expect([...book.holders()]).toEqual([
      ['eip-1', 'games/a'],
      ['eip-2', 'games/b'],
    ]);
  });
});
