import { type LabelSelector, selectorMatches, selectorProblem } from '../../../src/k8s/label-selector.js';

const games = { team: 'games', tier: 'prod' };

describe('selectorMatches', () => {
  it.each<[string, LabelSelector | undefined, Record<string, string>, boolean]>([
    ['an absent selector narrows nothing', undefined, {}, true],
    ['{} matches everything', {}, games, true],
    ['{} matches no labels too', {}, {}, true],
    ['matchLabels, all equal', { matchLabels: { team: 'games', tier: 'prod' } }, games, true],
    ['matchLabels, one differs', { matchLabels: { team: 'games', tier: 'dev' } }, games, false],
    ['matchLabels, one missing', { matchLabels: { team: 'games', zone: 'eu' } }, games, false],
    ['matchLabels with an empty value needs the label present and empty', { matchLabels: { team: '' } }, {}, false],
    ['matchLabels with an empty value', { matchLabels: { team: '' } }, { team: '' }, true],
    ['In, value listed', { matchExpressions: [{ key: 'tier', operator: 'In', values: ['prod', 'staging'] }] }, games, true],
    ['In, value not listed', { matchExpressions: [{ key: 'tier', operator: 'In', values: ['dev'] }] }, games, false],
    ['In, label missing', { matchExpressions: [{ key: 'zone', operator: 'In', values: ['eu'] }] }, games, false],
    ['NotIn, value listed', { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['prod'] }] }, games, false],
    ['NotIn, value not listed', { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['dev'] }] }, games, true],
    ['NotIn, label missing', { matchExpressions: [{ key: 'zone', operator: 'NotIn', values: ['eu'] }] }, games, true],
    ['Exists, present', { matchExpressions: [{ key: 'team', operator: 'Exists' }] }, games, true],
    ['Exists, missing', { matchExpressions: [{ key: 'zone', operator: 'Exists' }] }, games, false],
    ['DoesNotExist, present', { matchExpressions: [{ key: 'team', operator: 'DoesNotExist' }] }, games, false],
    ['DoesNotExist, missing', { matchExpressions: [{ key: 'zone', operator: 'DoesNotExist' }] }, games, true],
    ['a key named like an Object method is not inherited', { matchExpressions: [{ key: 'constructor', operator: 'Exists' }] }, {}, false],
    [
      'matchLabels and matchExpressions are ANDed (both hold)',
      { matchLabels: { team: 'games' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['prod'] }] },
      games,
      true,
    ],
    [
      'matchLabels and matchExpressions are ANDed (one fails)',
      { matchLabels: { team: 'games' }, matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] },
      games,
      false,
    ],
  ])('%s', (_, selector, labels, expected) => {
    expect(selectorMatches(selector, labels)).toBe(expected);
  });
});

describe('selectorProblem', () => {
  it.each<[string, LabelSelector, string | undefined]>([
    ['{} is well-formed', {}, undefined],
    [
      'a well-formed selector with every operator',
      {
        matchLabels: { 'example.com/team': 'games', tier: '' },
        matchExpressions: [
          { key: 'tier', operator: 'In', values: ['prod', 'a.b_c-d'] },
          { key: 'tier', operator: 'NotIn', values: ['dev'] },
          { key: 'kubernetes.io/metadata.name', operator: 'Exists' },
          { key: 'zone', operator: 'DoesNotExist', values: [] },
        ],
      },
      undefined,
    ],
    ['In without values', { matchExpressions: [{ key: 'tier', operator: 'In' }] }, 'matchExpressions[0].values: must be non-empty when operator is In'],
    [
      'NotIn with empty values',
      { matchExpressions: [{ key: 'tier', operator: 'Exists' }, { key: 'tier', operator: 'NotIn', values: [] }] },
      'matchExpressions[1].values: must be non-empty when operator is NotIn',
    ],
    ['Exists with values', { matchExpressions: [{ key: 'tier', operator: 'Exists', values: ['x'] }] }, 'matchExpressions[0].values: must be empty when operator is Exists'],
    [
      'DoesNotExist with values',
      { matchExpressions: [{ key: 'tier', operator: 'DoesNotExist', values: ['x'] }] },
      'matchExpressions[0].values: must be empty when operator is DoesNotExist',
    ],
    [
      'an unknown operator',
      { matchExpressions: [{ key: 'tier', operator: 'Equals' as 'In', values: ['x'] }] },
      'matchExpressions[0].operator: "Equals" is not one of In, NotIn, Exists, DoesNotExist',
    ],
    [
      'an invalid expression key',
      { matchExpressions: [{ key: '-tier', operator: 'Exists' }] },
      `matchExpressions[0].key: "-tier" is not a valid label key: its name must be 1 to 63 alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric`,
    ],
    [
      'an invalid expression value',
      { matchExpressions: [{ key: 'tier', operator: 'In', values: ['ok', 'not ok'] }] },
      `matchExpressions[0].values[1]: "not ok" is not a valid label value: at most 63 alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric`,
    ],
    [
      'an upper-case key prefix',
      { matchLabels: { 'Example.com/team': 'games' } },
      'matchLabels["Example.com/team"]: "Example.com/team" is not a valid label key: its prefix must be a lowercase DNS subdomain of at most 253 characters',
    ],
    [
      'an empty key prefix',
      { matchLabels: { '/team': 'games' } },
      'matchLabels["/team"]: "/team" is not a valid label key: its prefix must be a lowercase DNS subdomain of at most 253 characters',
    ],
    [
      'two slashes in a key',
      { matchLabels: { 'a/b/c': 'games' } },
      'matchLabels["a/b/c"]: "a/b/c" is not a valid label key: its prefix must be a lowercase DNS subdomain of at most 253 characters',
    ],
    [
      'an empty key',
      { matchLabels: { '': 'games' } },
      `matchLabels[""]: "" is not a valid label key: its name must be 1 to 63 alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric`,
    ],
    [
      'a key name of 64 characters',
      { matchLabels: { ['k'.repeat(64)]: 'v' } },
      `matchLabels["${'k'.repeat(64)}"]: "${'k'.repeat(64)}" is not a valid label key: its name must be 1 to 63 alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric`,
    ],
    ['a key name of 63 characters and a value of 63', { matchLabels: { ['k'.repeat(63)]: 'v'.repeat(63) } }, undefined],
    ['a key prefix of 253 characters', { matchLabels: { [`${'a'.repeat(253)}/team`]: 'games' } }, undefined],
    [
      'a key prefix of 254 characters',
      { matchLabels: { [`${'a'.repeat(254)}/team`]: 'games' } },
      `matchLabels["${'a'.repeat(254)}/team"]: "${'a'.repeat(254)}/team" is not a valid label key: its prefix must be a lowercase DNS subdomain of at most 253 characters`,
    ],
    [
      'a value of 64 characters',
      { matchLabels: { team: 'v'.repeat(64) } },
      `matchLabels["team"]: "${'v'.repeat(64)}" is not a valid label value: at most 63 alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric`,
    ],
    [
      'a value ending in a dot',
      { matchLabels: { team: 'games.' } },
      `matchLabels["team"]: "games." is not a valid label value: at most 63 alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric`,
    ],
  ])('%s', (_, selector, expected) => {
    expect(selectorProblem(selector)).toBe(expected);
  });
});
