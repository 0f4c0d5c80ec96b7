import { EventsV1Api, V1MicroTime, type CoreV1Event } from '@kubernetes/client-node';
import { useLocalServer } from './local-server.js';
import { Kubectl } from './kubectl-runner.js';
import { createWidgetCrd } from './widget-crd.js';

const podYaml = (name: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels:
    app: web
spec:
  containers:
  - name: app
    image: nginx:1.27
    env:
    - name: A
      value: "1"
`;

describe('kubectl against the local API server', () => {
  const local = useLocalServer();
  let kubectl: Kubectl;

  beforeAll(async () => {
    kubectl = await Kubectl.for(local.server);
    await kubectl.ok('create', '-f', await kubectl.writeManifest('web.yaml', podYaml('web')));
  });
  afterAll(async () => {
    await kubectl.cleanUp();
  });

  it('creates a pod from a file', async () => {
    const pod = await local.core.readNamespacedPod({ name: 'web', namespace: 'default' });
    expect(pod.spec!.containers[0]!.env).toEqual([{ name: 'A', value: '1' }]);
  });

  it('gets pods as a server-side Table, wide, and by jsonpath', async () => {
    await local.core.patchNamespacedPodStatus(
      { name: 'web', namespace: 'default', body: [{ op: 'add', path: '/status/podIP', value: '10.0.0.11' }] },
    );
    const table = await kubectl.ok('get', 'pods');
    expect(table).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nweb\s+0\/1\s+Pending\s+0\s+\d+s\n$/);
    const wide = await kubectl.ok('get', 'pod', 'web', '-o', 'wide');
    expect(wide).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES\nweb\s+0\/1\s+Pending\s+0\s+\d+s\s+10\.0\.0\.11\s+<none>\s+<none>\s+<none>\n$/);
    expect(await kubectl.ok('get', 'po', 'web', '-o', 'jsonpath={.status.podIP} {.spec.containers[0].image}')).toBe('10.0.0.11 nginx:1.27');
  });

  it('gets nodes with their status, addresses and kubelet version', async () => {
    await local.core.createNode({
      body: {
        metadata: { name: 'node-1', labels: { 'node-role.kubernetes.io/worker': '' } },
        status: {
          conditions: [{ type: 'Ready', status: 'True' }],
          addresses: [{ type: 'InternalIP', address: '10.0.0.10' }],
          nodeInfo: { kubeletVersion: 'v1.32.0', osImage: 'Sim', kernelVersion: '6.1', containerRuntimeVersion: 'sim://1', architecture: 'amd64', bootID: '', machineID: '', operatingSystem: 'linux', systemUUID: '', kubeProxyVersion: '' },
        },
      },
    });
    expect(await kubectl.ok('get', 'nodes')).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\nnode-1\s+Ready\s+worker\s+\d+s\s+v1\.32\.0\n$/);
    expect(await kubectl.ok('get', 'nodes', '-o', 'wide')).toMatch(/\nnode-1\s+Ready\s+worker\s+\d+s\s+v1\.32\.0\s+10\.0\.0\.10\s+<none>\s+Sim\s+6\.1\s+sim:\/\/1\n$/);
  });

  it('annotates, labels and patches (merge, json, strategic)', async () => {
    await kubectl.ok('annotate', 'pod', 'web', 'owner=team-a');
    await kubectl.ok('label', 'pod', 'web', 'tier=front');
    await kubectl.ok('patch', 'pod', 'web', '--type', 'merge', '-p', '{"metadata":{"labels":{"merged":"yes"}}}');
    await kubectl.ok('patch', 'pod', 'web', '--type', 'json', '-p', '[{"op":"add","path":"/metadata/labels/json","value":"yes"}]');
    await kubectl.ok('patch', 'pod', 'web', '-p', '{"spec":{"containers":[{"name":"app","image":"nginx:1.28"}]}}');
    const pod = await local.core.readNamespacedPod({ name: 'web', namespace: 'default' });
    expect(pod.metadata!.annotations).toEqual({ owner: 'team-a' });
    expect(pod.metadata!.labels).toEqual({ app: 'web', tier: 'front', merged: 'yes', json: 'yes' });
    expect(pod.spec!.containers[0]!.image).toBe('nginx:1.28');
    expect(pod.spec!.containers[0]!.env).toEqual([{ name: 'A', value: '1' }]);
    const patchTypes = local.server.hooks
      .requestLog()
      .filter((entry) => entry.verb === 'patch')
      .map((entry) => entry.contentType);
    expect(patchTypes).toEqual(expect.arrayContaining(['application/merge-patch+json', 'application/json-patch+json', 'application/strategic-merge-patch+json']));
  });

  it('describes a pod with its core/v1 and events.k8s.io/v1 events', async () => {
    const pod = await local.core.readNamespacedPod({ name: 'web', namespace: 'default' });
    const event: CoreV1Event = {
      metadata: { name: 'web.1', namespace: 'default' },
      involvedObject: { kind: 'Pod', namespace: 'default', name: 'web', uid: pod.metadata!.uid, apiVersion: 'v1' },
      reason: 'EIPAssociated',
      message: 'associated 203.0.113.7',
      type: 'Normal',
      source: { component: 'podeip' },
      firstTimestamp: new Date(),
      lastTimestamp: new Date(),
      count: 1,
    };
    await local.core.createNamespacedEvent({ namespace: 'default', body: event });
    await local.server.kubeConfig().makeApiClient(EventsV1Api).createNamespacedEvent({
      namespace: 'default',
      body: {
        metadata: { name: 'web.2', namespace: 'default' },
        eventTime: new V1MicroTime(),
        regarding: { kind: 'Pod', namespace: 'default', name: 'web', uid: pod.metadata!.uid, apiVersion: 'v1' },
        reason: 'EIPReleased',
        note: 'released 203.0.113.7',
        type: 'Warning',
        action: 'Release',
        reportingController: 'podeip.io/controller',
        reportingInstance: 'podeip-0',
      },
    });
    const description = await kubectl.ok('describe', 'pod', 'web');
    expect(description).toMatch(/^Name:\s+web\nNamespace:\s+default\n/);
    const events = description.slice(description.indexOf('\nEvents:\n'));
    expect(events).toMatch(/^\nEvents:\n\s+Type\s+Reason\s+Age\s+From\s+Message\n\s+----/);
    expect(events).toMatch(/\n\s+Normal\s+EIPAssociated\s+\d+s\s+podeip\s+associated 203\.0\.113\.7\n/);
    expect(events).toMatch(/\n\s+Warning\s+EIPReleased\s+\d+s\s+podeip\.io\/controller\s+released 203\.0\.113\.7\n/);
  });

  it('prints a change with get -w', async () => {
    const watcher = kubectl.start('get', 'pods', '-w', '--output-watch-events');
    let output = '';
    const sawLines = (count: number) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (output.split('\n').filter((line) => line !== '').length >= count) resolve();
        };
        watcher.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          check();
        });
        check();
      });
    await sawLines(2);
    await kubectl.ok('label', 'pod', 'web', 'watched=yes');
    await sawLines(3);
    watcher.kill();
    const lines = output.split('\n').filter((line) => line !== '');
    expect(lines[0]).toMatch(/^EVENT\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    expect(lines[1]).toMatch(/^ADDED\s+web\s+0\/1\s+Pending\s+0\s+\d+s$/);
    expect(lines[2]).toMatch(/^MODIFIED\s+web\s+0\/1\s+Pending\s+0\s+\d+s$/);
  });

  it('deletes an unscheduled pod (created with --validate=false) and returns once it is gone', async () => {
    await kubectl.ok('create', '--validate=false', '-f', await kubectl.writeManifest('gone.yaml', podYaml('gone')));
    expect(await kubectl.ok('delete', 'pod', 'gone')).toBe('pod "gone" deleted\n');
    const error = await local.core.readNamespacedPod({ name: 'gone', namespace: 'default' }).catch((e) => e);
    expect(error.code).toBe(404);
  });

  it('applies a statefulset, then re-applies a change as a strategic merge patch', async () => {
    const manifest = (image: string, replicas: number) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  replicas: ${replicas}
  serviceName: db
  selector:
    matchLabels: {app: db}
  template:
    metadata:
      labels: {app: db}
    spec:
      containers:
      - name: db
        image: ${image}
`;
    expect(await kubectl.ok('apply', '-f', await kubectl.writeManifest('db.yaml', manifest('postgres:16', 1)))).toBe('statefulset.apps/db created\n');
    expect(await kubectl.ok('apply', '-f', await kubectl.writeManifest('db.yaml', manifest('postgres:17', 2)))).toBe('statefulset.apps/db configured\n');
    const patch = local.server.hooks.requestLog().filter((entry) => entry.verb === 'patch' && entry.resource === 'statefulsets');
    expect(patch.map((entry) => [entry.contentType, entry.query])).toEqual([
      ['application/strategic-merge-patch+json', 'fieldManager=kubectl-client-side-apply&fieldValidation=Strict'],
    ]);
    const set = JSON.parse(await kubectl.ok('get', 'sts', 'db', '-o', 'json'));
    expect(set.spec.replicas).toBe(2);
    expect(set.spec.template.spec.containers[0].image).toBe('postgres:17');
    expect(set.metadata.generation).toBe(2);
    expect(await kubectl.ok('scale', 'statefulset', 'db', '--replicas=3')).toBe('statefulset.apps/db scaled\n');
    expect(await kubectl.ok('get', 'statefulset', 'db', '-o', 'jsonpath={.spec.replicas}')).toBe('3');
    expect(await kubectl.ok('get', 'sts')).toMatch(/^NAME\s+READY\s+AGE\ndb\s+0\/3\s+\d+s\n$/);
  });

  it('deletes a statefulset and garbage-collects its pods', async () => {
    const set = JSON.parse(await kubectl.ok('get', 'statefulset', 'db', '-o', 'json'));
    const ownerReferences = [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'db', uid: set.metadata.uid, controller: true }];
    for (const name of ['db-0', 'db-1']) {
      await local.core.createNamespacedPod({ namespace: 'default', body: { metadata: { name, ownerReferences }, spec: { containers: [{ name: 'db', image: 'postgres:17' }] } } });
    }
    expect(await kubectl.ok('delete', 'statefulset', 'db')).toBe('statefulset.apps "db" deleted\n');
    while ((await local.core.listNamespacedPod({ namespace: 'default' })).items.some((item) => item.metadata!.name!.startsWith('db-'))) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(local.server.hooks.requestLog().filter((entry) => entry.verb === 'delete' && entry.resource === 'statefulsets')).toHaveLength(1);
  });

  it('gets a custom resource by its printer columns', async () => {
    await createWidgetCrd(local.server);
    const widget = `apiVersion: example.com/v1
kind: Widget
metadata:
  name: small
spec:
  size: 2
  color: blue
`;
    await kubectl.ok('apply', '-f', await kubectl.writeManifest('widget.yaml', widget.replace('size: 2', 'size: 1')));
    expect(await kubectl.ok('apply', '-f', await kubectl.writeManifest('widget.yaml', widget))).toBe('widget.example.com/small configured\n');
    expect(await kubectl.ok('get', 'widgets')).toMatch(/^NAME {4}SIZE {3}PHASE {3}AGE\nsmall {3}2 {14}\d+s\n$/);
    expect(await kubectl.ok('get', 'wdg', '-o', 'wide')).toMatch(/^NAME {4}SIZE {3}PHASE {3}COLOR {3}AGE\nsmall {3}2 {14}blue {4}\d+s\n$/);
  });
});
