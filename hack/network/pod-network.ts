/**
 * The VPC network model shared by the workload simulation (which schedules pods and gives them IPs)
 * and the cloud emulators (which show the same ENIs through DescribeNetworkInterfaces and bind EIPs
 * to their private IPs). One instance is shared by everything that runs in one sandbox or test.
 *
 * Layout: node i, ENI j owns the block 10.0.(i * enisPerNode + j).0/24; the ENI's primary IP is .10,
 * pod IPs are secondary IPs from .11 upwards. The first ENI's primary IP is the node's host IP.
 */
import { SeededRandom } from './seeded-random.js';

export type IdStyle = 'tencent' | 'alibaba';

export interface PrivateIp {
  address: string;
  primary: boolean;
}

export interface NetworkInterfaceRecord {
  networkInterfaceId: string;
  nodeName: string;
  instanceId: string;
  vpcId: string;
  subnetId: string;
  macAddress: string;
  /** The node's first ENI (Tencent: "primary" ENI; Alibaba: "Primary" type). */
  primary: boolean;
  privateIps: PrivateIp[];
}

export interface NodeNetwork {
  nodeName: string;
  instanceId: string;
  hostIp: string;
  interfaces: NetworkInterfaceRecord[];
}

export interface PodIpAssignment {
  nodeName: string;
  hostIp: string;
  networkInterfaceId: string;
  privateIp: string;
}

export interface PodNetworkOptions {
  idStyle?: IdStyle;
  seed?: number;
  enisPerNode?: number;
  /** Secondary (pod) IPs each ENI can hold. */
  podIpsPerEni?: number;
}

export class NodeFullError extends Error {
  constructor(nodeName: string) {
    super(`node ${nodeName} has no free pod IP left on its ENIs`);
  }
}

const ID_LENGTH: Record<IdStyle, number> = { tencent: 8, alibaba: 20 };
const ID_PREFIX: Record<IdStyle, { instance: string; subnet: string }> = {
  tencent: { instance: 'ins', subnet: 'subnet' },
  alibaba: { instance: 'i', subnet: 'vsw' },
};
const FIRST_POD_HOST = 11;

export class PodNetwork {
  readonly vpcId: string;
  private readonly random: SeededRandom;
  private readonly style: IdStyle;
  private readonly enisPerNode: number;
  private readonly podIpsPerEni: number;
  private readonly nodesByName = new Map<string, NodeNetwork>();
  /** Next host number to try per ENI: allocation rotates so a freed IP is not handed out at once. */
  private readonly nextHost = new Map<string, number>();

  constructor(options: PodNetworkOptions = {}) {
    this.style = options.idStyle ?? 'tencent';
    this.random = new SeededRandom(options.seed ?? 1);
    this.enisPerNode = options.enisPerNode ?? 1;
    this.podIpsPerEni = options.podIpsPerEni ?? 200;
    if (this.podIpsPerEni > 255 - FIRST_POD_HOST) throw new Error('podIpsPerEni must be at most 244');
    this.vpcId = this.newId('vpc');
  }

  addNode(nodeName: string): NodeNetwork {
    const existing = this.nodesByName.get(nodeName);
    if (existing) return existing;
    const nodeIndex = this.nodesByName.size;
    const instanceId = this.newId(ID_PREFIX[this.style].instance);
    const interfaces: NetworkInterfaceRecord[] = [];
    for (let j = 0; j < this.enisPerNode; j++) {
      const block = nodeIndex * this.enisPerNode + j;
      interfaces.push({
        networkInterfaceId: this.newId('eni'),
        nodeName,
        instanceId,
        vpcId: this.vpcId,
        subnetId: this.newId(ID_PREFIX[this.style].subnet),
        macAddress: macAddressFor(block),
        primary: j === 0,
        privateIps: [{ address: blockAddress(block, 10), primary: true }],
      });
    }
    const node: NodeNetwork = { nodeName, instanceId, hostIp: interfaces[0]!.privateIps[0]!.address, interfaces };
    this.nodesByName.set(nodeName, node);
    return node;
  }

  nodes(): NodeNetwork[] {
    return [...this.nodesByName.values()];
  }

  node(nodeName: string): NodeNetwork | undefined {
    return this.nodesByName.get(nodeName);
  }

  interfaces(): NetworkInterfaceRecord[] {
    return this.nodes().flatMap((node) => node.interfaces);
  }

  interfaceById(networkInterfaceId: string): NetworkInterfaceRecord | undefined {
    return this.interfaces().find((eni) => eni.networkInterfaceId === networkInterfaceId);
  }

  interfaceOfIp(privateIp: string): NetworkInterfaceRecord | undefined {
    return this.interfaces().find((eni) => eni.privateIps.some((ip) => ip.address === privateIp));
  }

  /** Gives a pod a secondary IP on the node's least-used ENI. Throws NodeFullError when none is free. */
  assignPodIp(nodeName: string): PodIpAssignment {
    const node = this.nodesByName.get(nodeName);
    if (!node) throw new Error(`unknown node ${nodeName}`);
    const candidates = [...node.interfaces].sort((a, b) => a.privateIps.length - b.privateIps.length);
    for (const eni of candidates) {
      const address = this.takeFreeAddress(eni);
      if (address) {
        eni.privateIps.push({ address, primary: false });
        return { nodeName, hostIp: node.hostIp, networkInterfaceId: eni.networkInterfaceId, privateIp: address };
      }
    }
    throw new NodeFullError(nodeName);
  }

  /** Frees a pod IP. Unknown or primary addresses are left alone. */
  releasePodIp(privateIp: string): void {
    const eni = this.interfaceOfIp(privateIp);
    if (!eni) return;
    eni.privateIps = eni.privateIps.filter((ip) => ip.primary || ip.address !== privateIp);
  }

  private takeFreeAddress(eni: NetworkInterfaceRecord): string | undefined {
    if (eni.privateIps.length - 1 >= this.podIpsPerEni) return undefined;
    const used = new Set(eni.privateIps.map((ip) => ip.address));
    const prefix = eni.privateIps[0]!.address.split('.').slice(0, 3).join('.');
    const start = this.nextHost.get(eni.networkInterfaceId) ?? FIRST_POD_HOST;
    for (let step = 0; step < this.podIpsPerEni; step++) {
      const host = FIRST_POD_HOST + ((start - FIRST_POD_HOST + step) % this.podIpsPerEni);
      const address = `${prefix}.${host}`;
      if (!used.has(address)) {
        this.nextHost.set(eni.networkInterfaceId, host + 1);
        return address;
      }
    }
    return undefined;
  }

  private newId(prefix: string): string {
    return this.random.id(prefix, ID_LENGTH[this.style]);
  }
}

function blockAddress(block: number, host: number): string {
  return `10.0.${block}.${host}`;
}

function macAddressFor(block: number): string {
  const hex = block.toString(16).padStart(4, '0');
  return `52:54:00:00:${hex.slice(0, 2)}:${hex.slice(2)}`;
}
