/**
 * CRD validation rules beyond plain `self` checks (Kubernetes docs, "Validation rules" → "Transition
 * rules"): a rule using `oldSelf` is evaluated only on an update, against the stored value; a rule
 * calling a Kubernetes CEL library function the evaluator lacks is skipped, never a refusal.
 */
import { celViolations } from '../../hack/kube-apiserver/cel-rules.js';

const schema = {
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      properties: {
        size: { type: 'integer', 'x-kubernetes-validations': [{ rule: 'self >= oldSelf', message: 'size may only grow' }] },
        url: { type: 'string', 'x-kubernetes-validations': [{ rule: 'isURL(self)', message: 'must be a URL' }] },
        count: { type: 'integer', 'x-kubernetes-validations': [{ rule: 'self + 1 <= 10' }] },
      },
    },
  },
};

describe('CEL transition rules and rules the evaluator cannot run', () => {
  it('evaluates oldSelf only on an update', () => {
    expect(celViolations(schema, { spec: { size: 1 } })).toEqual([]);
    expect(celViolations(schema, { spec: { size: 1 } }, { spec: { size: 2 } })).toEqual([
      { reason: 'FieldValueInvalid', message: 'Invalid value: "integer": size may only grow', field: 'spec.size' },
    ]);
    expect(celViolations(schema, { spec: { size: 3 } }, { spec: { size: 2 } })).toEqual([]);
  });

  it('treats schema integers as CEL ints and reports a rule without a message by its text', () => {
    expect(celViolations(schema, { spec: { count: 10 } })).toEqual([{ reason: 'FieldValueInvalid', message: 'Invalid value: "integer": failed rule: self + 1 <= 10', field: 'spec.count' }]);
  });

  it('skips a rule whose function the evaluator lacks', () => {
    expect(celViolations(schema, { spec: { url: 'not a url' } })).toEqual([]);
  });
});
