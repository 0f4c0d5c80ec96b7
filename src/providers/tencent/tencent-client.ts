/**
 * Builds the official SDK's VPC and Tag clients: region, optional endpoint override (both reach the
 * same emulator or private endpoint), the SDK's own credential chain.
 */
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { DefaultCredentialProvider } from 'tencentcloud-sdk-nodejs/tencentcloud/common/credential.js';
import type { Credential, DynamicCredential } from 'tencentcloud-sdk-nodejs/tencentcloud/common/interface.js';
import type { ClientConfig } from 'tencentcloud-sdk-nodejs/tencentcloud/common/interface.js';
import { Client as TagSdkClient } from 'tencentcloud-sdk-nodejs/tencentcloud/services/tag/v20180813/tag_client.js';
import { Client } from 'tencentcloud-sdk-nodejs/tencentcloud/services/vpc/v20170312/vpc_client.js';
import { MissingCredentialsError } from '../cloud-error.js';

export type VpcClient = InstanceType<typeof Client>;
export type TagClient = InstanceType<typeof TagSdkClient>;

export interface TencentClientOptions {
  region: string;
  /** e.g. `http://127.0.0.1:8080` for the emulator or a private endpoint; default: the public endpoint. */
  endpoint?: string;
  /** Seconds. */
  requestTimeout?: number;
  /** Default: the SDK's chain (environment, profile file, CVM role, TKE OIDC). */
  credential?: Credential | DynamicCredential;
}

export function createVpcClient(options: TencentClientOptions): VpcClient {
  return new Client(clientConfig(options));
}

export function createTagClient(options: TencentClientOptions): TagClient {
  return new TagSdkClient(clientConfig(options));
}

function clientConfig(options: TencentClientOptions): ClientConfig {
  const override = options.endpoint ? new URL(options.endpoint) : undefined;
  const protocol = override?.protocol === 'http:' ? 'http://' : 'https://';
  return {
    credential: options.credential ?? new DefaultCredentialProvider(),
    region: options.region,
    profile: {
      httpProfile: {
        ...(override ? { endpoint: override.host, protocol } : {}),
        reqTimeout: options.requestTimeout ?? 30,
        // An explicit agent keeps the SDK from routing through $http_proxy (it ignores no_proxy).
        agent: protocol === 'http://' ? new HttpAgent({ keepAlive: true }) : new HttpsAgent({ keepAlive: true }),
      },
    },
  };
}

/**
 * The SDK's chain ends in an empty key when it finds nothing, and the SDK would sign with it (or
 * report a credential failure as a network error); podeip stops before sending instead.
 */
export async function requireCredentials(client: VpcClient | TagClient): Promise<void> {
  const { secretId, secretKey } = await client.getCredential();
  if (!secretId || !secretKey) {
    throw new MissingCredentialsError(
      'none found in TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY, ~/.tencentcloud/credentials, a CVM role or TKE OIDC',
    );
  }
}
