/**
 * Names the way the Kubernetes controllers make them: template hashes and random suffixes use the
 * alphabet of k8s.io/apimachinery's rand package (no vowels, no confusable digits).
 */
import type { V1PodTemplateSpec } from '@kubernetes/client-node';
import { randomInt } from 'node:crypto';
import { canonicalJson } from './wire.js';

const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** Like the pod-template-hash label: FNV-1a of the template, its decimal digits safe-encoded. */
export function templateHash(template: V1PodTemplateSpec | undefined): string {
  const digits = String(fnv1a32(canonicalJson(template ?? {})));
  return [...digits].map((digit) => SAFE_ALPHABET[digit.charCodeAt(0) % SAFE_ALPHABET.length]).join('');
}

/** Like rand.String(5) behind generateName: `<prefix>-xxxxx`. */
export function randomSuffixName(prefix: string, random: (limit: number) => number = randomInt): string {
  let suffix = '';
  for (let i = 0; i < 5; i++) suffix += SAFE_ALPHABET[random(SAFE_ALPHABET.length)];
  return `${prefix}-${suffix}`;
}

function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
