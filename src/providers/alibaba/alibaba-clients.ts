/**
 * Builds the official VPC and ECS SDK clients: an optional endpoint override (host + protocol, so the
 * same code reaches an emulator or a private endpoint) and the credentials SDK's default chain
 * (environment, profile files, RRSA OIDC, ECS RAM role) unless a credential is handed in.
 */
import credentialsSdk from '@alicloud/credentials';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import ecsSdk from '@alicloud/ecs20140526';
import vpcSdk from '@alicloud/vpc20160428';
import { MissingCredentialsError } from '../cloud-error.js';

export { ecsSdk, vpcSdk };
export type VpcClient = InstanceType<typeof vpcSdk.default>;
export type EcsClient = InstanceType<typeof ecsSdk.default>;
export type AlibabaCredential = InstanceType<typeof credentialsSdk.default>;

export interface AlibabaClientOptions {
  region: string;
  /** e.g. `http://127.0.0.1:8080` for the emulator or a private endpoint; default: the public regional endpoints. */
  endpoint?: string;
  /** Default: the SDK's default credential chain. */
  credential?: AlibabaCredential;
  /** Milliseconds. */
  requestTimeoutMs?: number;
}

export interface AlibabaClients {
  vpc: VpcClient;
  ecs: EcsClient;
  /** The one both clients sign with. */
  credential: AlibabaCredential;
}

export function createAlibabaClients(options: AlibabaClientOptions): AlibabaClients {
  const override = options.endpoint ? new URL(options.endpoint) : undefined;
  const credential = options.credential ?? new credentialsSdk.default();
  const config = (): $OpenApiUtil.Config =>
    new $OpenApiUtil.Config({
      credential,
      regionId: options.region,
      readTimeout: options.requestTimeoutMs ?? 30_000,
      connectTimeout: options.requestTimeoutMs ?? 30_000,
      ...(override ? { endpoint: override.host, protocol: override.protocol === 'http:' ? 'http' : 'https' } : {}),
    });
  return { vpc: new vpcSdk.default(config()), ecs: new ecsSdk.default(config()), credential };
}

/** A fixed access-key credential, for callers that hold the keys themselves (tests against the emulator). */
export function accessKeyCredential(accessKeyId: string, accessKeySecret: string): AlibabaCredential {
  return new credentialsSdk.default(new credentialsSdk.Config({ type: 'access_key', accessKeyId, accessKeySecret }));
}

/**
 * The credential chain throws when it finds nothing, and the SDK passes that on without a code, as
 * if the request had got no answer; podeip asks the chain first and says what is missing.
 */
export async function requireCredentials(credential: AlibabaCredential): Promise<void> {
  try {
    await credential.getCredential();
  } catch (error) {
    throw new MissingCredentialsError(error instanceof Error ? error.message : String(error));
  }
}
