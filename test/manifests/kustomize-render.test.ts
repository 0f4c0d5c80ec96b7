import { join } from 'node:path';
import { CONFIG_DIR, onlyObject, renderKustomization, renderOverlay, type ManifestObject } from './config-tree.js';

const INSTALLED = [
  'ClusterRole/podeip-eipclaim-editor-role',
  'ClusterRole/podeip-eipclaim-viewer-role',
  'ClusterRole/podeip-eippool-viewer-role',
  'ClusterRole/podeip-manager-role',
  'ClusterRoleBinding/podeip-manager-rolebinding',
  'CustomResourceDefinition/eipclaims.podeip.io',
  'CustomResourceDefinition/eippools.podeip.io',
  'Deployment/podeip-controller-manager',
  'Namespace/podeip-system',
  'Role/podeip-leader-election-role',
  'RoleBinding/podeip-leader-election-rolebinding',
  'ServiceAccount/podeip-controller',
];
const CLUSTER_SCOPED = new Set(['ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'Namespace']);

const kindAndName = (object: ManifestObject) => `${object.kind}/${object.metadata.name}`;

describe('kubectl kustomize config/default', () => {
  let objects: ManifestObject[];
  beforeAll(() => {
    objects = renderKustomization(join(CONFIG_DIR, 'default'));
  });

  it('yields exactly the CRD, RBAC, namespace and controller Deployment', () => {
    expect(objects.map(kindAndName).sort()).toEqual(INSTALLED);
  });

  it('puts every namespaced object into podeip-system and labels everything part-of podeip', () => {
    for (const object of objects) {
      expect([kindAndName(object), object.metadata.namespace]).toEqual([
        kindAndName(object),
        CLUSTER_SCOPED.has(object.kind) ? undefined : 'podeip-system',
      ]);
      expect(object.metadata.labels?.['app.kubernetes.io/part-of']).toBe('podeip');
    }
  });

  it('binds the prefixed roles to the prefixed ServiceAccount in podeip-system', () => {
    const subject = [{ kind: 'ServiceAccount', name: 'podeip-controller', namespace: 'podeip-system' }];
    expect(onlyObject(objects, 'ClusterRoleBinding')).toMatchObject({ roleRef: { name: 'podeip-manager-role' }, subjects: subject });
    expect(onlyObject(objects, 'RoleBinding')).toMatchObject({ roleRef: { name: 'podeip-leader-election-role' }, subjects: subject });
    expect(onlyObject(objects, 'Deployment')).toMatchObject({ spec: { template: { spec: { serviceAccountName: 'podeip-controller' } } } });
  });
});

// What config/default renders once its commented ../prometheus and ../network-policy lines are enabled.
describe('config/default with prometheus and network-policy enabled', () => {
  let objects: ManifestObject[];
  let podLabels: Record<string, string>;
  beforeAll(() => {
    objects = renderOverlay({ namespace: 'podeip-system', namePrefix: 'podeip-', resources: ['crd', 'rbac', 'manager', 'prometheus', 'network-policy'] });
    podLabels = (onlyObject(objects, 'Deployment').spec as { template: { metadata: { labels: Record<string, string> } } })
      .template.metadata.labels;
  });

  it('adds the metrics Service, the ServiceMonitor, the alert rules and the NetworkPolicy', () => {
    expect(objects.map(kindAndName).sort()).toEqual(
      [
        ...INSTALLED,
        'NetworkPolicy/podeip-allow-metrics-traffic',
        'PrometheusRule/podeip-controller-manager-alerts',
        'Service/podeip-controller-manager-metrics-service',
        'ServiceMonitor/podeip-controller-manager-metrics-monitor',
      ].sort(),
    );
  });

  it('wires ServiceMonitor → Service → controller pods on the metrics port 8080', () => {
    const service = onlyObject(objects, 'Service') as ManifestObject & {
      spec: { selector: Record<string, string>; ports: Array<{ name: string; port: number; targetPort: string }> };
    };
    const monitor = onlyObject(objects, 'ServiceMonitor') as ManifestObject & {
      spec: { selector: { matchLabels: Record<string, string> }; endpoints: Array<{ port: string; path: string }> };
    };
    expect(service.spec.selector).toEqual(podLabels);
    expect(service.spec.ports).toEqual([{ name: 'metrics', port: 8080, targetPort: 'metrics', protocol: 'TCP' }]);
    expect(service.metadata.labels).toMatchObject(monitor.spec.selector.matchLabels);
    expect(monitor.spec.endpoints).toEqual([{ port: 'metrics', path: '/metrics', scheme: 'http', interval: '30s' }]);
  });

  it('lets only labelled namespaces reach the controller pods on 8080', () => {
    expect(onlyObject(objects, 'NetworkPolicy').spec).toEqual({
      podSelector: { matchLabels: podLabels },
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { metrics: 'enabled' } } }], ports: [{ port: 8080, protocol: 'TCP' }] }],
    });
  });
});
