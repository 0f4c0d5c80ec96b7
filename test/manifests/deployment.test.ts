import { join } from 'node:path';
import { parseRunFlags } from '../../src/cli/run-flags.js';
import { DEFAULT_TIMINGS } from '../../src/leader/index.js';
import { CONFIG_DIR, onlyObject, renderKustomization, type ManifestObject } from './config-tree.js';

interface Container {
  name: string;
  image: string;
  args: string[];
  env: Array<{ name: string; value?: string; valueFrom?: Record<string, Record<string, unknown>> }>;
  ports: unknown[];
  livenessProbe: unknown;
  readinessProbe: unknown;
  resources: unknown;
  securityContext: unknown;
  volumeMounts: unknown[];
}
interface DeploymentSpec {
  replicas: number;
  template: {
    spec: {
      serviceAccountName: string;
      terminationGracePeriodSeconds: number;
      securityContext: unknown;
      containers: Container[];
      volumes: unknown[];
    };
  };
}

const controllerDefaults = parseRunFlags(['--region=ap-guangzhou', '--cluster-id=c']);
const CREDENTIAL_KEYS = ['TENCENTCLOUD_SECRET_ID', 'TENCENTCLOUD_SECRET_KEY', 'ALIBABA_CLOUD_ACCESS_KEY_ID', 'ALIBABA_CLOUD_ACCESS_KEY_SECRET'];

let objects: ManifestObject[];
let spec: DeploymentSpec;
let manager: Container;
beforeAll(() => {
  objects = renderKustomization(join(CONFIG_DIR, 'manager'));
  spec = onlyObject(objects, 'Deployment', 'controller-manager').spec as DeploymentSpec;
  manager = spec.template.spec.containers[0]!;
});

it('runs two replicas of one container, podeip:dev, as the controller ServiceAccount', () => {
  expect(spec.replicas).toBe(2);
  expect(spec.template.spec.containers.map((container) => container.name)).toEqual(['manager']);
  expect(manager.image).toBe('podeip:dev');
  expect(spec.template.spec.serviceAccountName).toBe('controller');
});

it('passes podeip run flags that the CLI accepts, with leader election and no credentials', () => {
  expect(manager.args).toEqual([
    '--leader-elect',
    '--provider=tencent',
    '--region=ap-guangzhou',
    '--cluster-id=cls-replace-me',
    '--static-addresses=pooled',
    '--metrics-bind-address=:8080',
    '--health-probe-bind-address=:8081',
    '--log-level=info',
  ]);
  expect(parseRunFlags(manager.args)).toMatchObject({
    provider: 'tencent',
    region: 'ap-guangzhou',
    clusterId: 'cls-replace-me',
    staticAddresses: 'pooled',
    leaderElect: true,
    metricsBindAddress: ':8080',
    healthProbeBindAddress: ':8081',
  });
});

it('takes cloud credentials only from the optional Secret, never as literal values', () => {
  const credentials = manager.env.filter((variable) => CREDENTIAL_KEYS.includes(variable.name));
  expect(credentials).toEqual(
    CREDENTIAL_KEYS.map((key) => ({
      name: key,
      valueFrom: { secretKeyRef: { name: 'podeip-cloud-credentials', key, optional: true } },
    })),
  );
  expect(manager.env.filter((variable) => variable.value !== undefined)).toEqual([]);
});

it('tells the controller its namespace through the downward API, and nothing it does not read', () => {
  expect(manager.env.filter((variable) => variable.name.startsWith('POD_'))).toEqual([
    { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
  ]);
});

it('meets the restricted Pod Security Standard', () => {
  expect(spec.template.spec.securityContext).toEqual({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
  expect(manager.securityContext).toEqual({
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    capabilities: { drop: ['ALL'] },
  });
  expect(onlyObject(objects, 'Namespace').metadata.labels).toMatchObject({ 'pod-security.kubernetes.io/enforce': 'restricted' });
});

it('gives the read-only container a small writable /tmp only', () => {
  expect(manager.volumeMounts).toEqual([{ name: 'tmp', mountPath: '/tmp' }]);
  expect(spec.template.spec.volumes).toEqual([{ name: 'tmp', emptyDir: { sizeLimit: '16Mi' } }]);
});

it('probes /healthz and /readyz on :8081 and exposes metrics on :8080', () => {
  expect(manager.ports).toEqual([
    { name: 'metrics', containerPort: 8080, protocol: 'TCP' },
    { name: 'health', containerPort: 8081, protocol: 'TCP' },
  ]);
  expect(manager.livenessProbe).toEqual({ httpGet: { path: '/healthz', port: 'health' }, initialDelaySeconds: 15, periodSeconds: 20 });
  expect(manager.readinessProbe).toEqual({ httpGet: { path: '/readyz', port: 'health' }, initialDelaySeconds: 5, periodSeconds: 10 });
});

it('sets requests and limits', () => {
  expect(manager.resources).toEqual({ requests: { cpu: '50m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } });
});

it('lets in-flight reconciles finish and the lease be released before the kubelet kills the pod', () => {
  const shutdownMs = controllerDefaults.gracefulShutdownMs + DEFAULT_TIMINGS.renewDeadlineMs;
  expect(spec.template.spec.terminationGracePeriodSeconds).toBe(60);
  expect(spec.template.spec.terminationGracePeriodSeconds * 1000).toBeGreaterThan(shutdownMs);
});
