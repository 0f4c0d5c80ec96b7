/**
 * Request parameters of each emulated action, with the types of tencentcloud-sdk-nodejs
 * `vpc_models.ts`. Unknown names are rejected with UnknownParameter, as the API does.
 */
import { commonErrors } from './tencent-api-error.js';

type ParameterType = 'String' | 'Integer' | 'Boolean' | 'StringArray' | 'TagArray' | 'ResourceTagArray' | 'FilterArray' | 'ChargePrepaid';

interface ActionSchema {
  parameters: Record<string, ParameterType>;
  required?: string[];
}

export const ACTION_SCHEMAS: Record<string, ActionSchema> = {
  AllocateAddresses: {
    parameters: {
      AddressCount: 'Integer',
      InternetServiceProvider: 'String',
      InternetChargeType: 'String',
      IPChargeType: 'String',
      InternetMaxBandwidthOut: 'Integer',
      AddressChargePrepaid: 'ChargePrepaid',
      AddressType: 'String',
      AnycastZone: 'String',
      VipCluster: 'StringArray',
      ApplicableForCLB: 'Boolean',
      Tags: 'TagArray',
      BandwidthPackageId: 'String',
      AddressName: 'String',
      DedicatedClusterId: 'String',
      IsDedicatedAddressPool: 'Boolean',
      Egress: 'String',
      AntiDDoSPackageId: 'String',
      ClientToken: 'String',
    },
  },
  DescribeAddresses: {
    parameters: { AddressIds: 'StringArray', Filters: 'FilterArray', Offset: 'Integer', Limit: 'Integer' },
  },
  AssociateAddress: {
    parameters: {
      AddressId: 'String',
      InstanceId: 'String',
      NetworkInterfaceId: 'String',
      PrivateIpAddress: 'String',
      EipDirectConnection: 'Boolean',
      InstanceRegion: 'String',
    },
    required: ['AddressId'],
  },
  DisassociateAddress: {
    parameters: { AddressId: 'String', ReallocateNormalPublicIp: 'Boolean' },
    required: ['AddressId'],
  },
  ReleaseAddresses: { parameters: { AddressIds: 'StringArray' }, required: ['AddressIds'] },
  DescribeTaskResult: { parameters: { TaskId: 'Integer', DealName: 'String' } },
  DescribeAddressQuota: { parameters: {} },
  DescribeNetworkInterfaces: {
    parameters: { NetworkInterfaceIds: 'StringArray', Filters: 'FilterArray', Offset: 'Integer', Limit: 'Integer' },
  },
  // Tag 2018-08-13 (tencentcloud-sdk-nodejs tag_models.ts).
  TagResources: { parameters: { ResourceList: 'StringArray', Tags: 'ResourceTagArray' }, required: ['ResourceList', 'Tags'] },
  UnTagResources: { parameters: { ResourceList: 'StringArray', TagKeys: 'StringArray' }, required: ['ResourceList', 'TagKeys'] },
};

const NESTED_FIELDS: Partial<Record<ParameterType, Record<string, 'String' | 'Integer' | 'StringArray'>>> = {
  TagArray: { Key: 'String', Value: 'String' },
  ResourceTagArray: { TagKey: 'String', TagValue: 'String', Category: 'String' },
  FilterArray: { Name: 'String', Values: 'StringArray' },
  ChargePrepaid: { Period: 'Integer', AutoRenewFlag: 'Integer' },
};
const NESTED_REQUIRED: Partial<Record<ParameterType, string[]>> = {
  TagArray: ['Key'],
  ResourceTagArray: ['TagKey', 'TagValue'],
  FilterArray: ['Name', 'Values'],
  ChargePrepaid: ['Period'],
};

export function isKnownAction(action: string): boolean {
  return Object.hasOwn(ACTION_SCHEMAS, action);
}

/** Throws UnknownParameter / MissingParameter / InvalidParameter for a body that does not fit the action. */
export function validateParameters(action: string, body: unknown): Record<string, unknown> {
  if (!isPlainObject(body)) throw commonErrors.invalidParameter('The request body must be a JSON object.');
  const schema = ACTION_SCHEMAS[action]!;
  for (const [name, value] of Object.entries(body)) {
    const type = schema.parameters[name];
    if (!type) throw commonErrors.unknownParameter(name);
    checkType(name, type, value);
  }
  for (const name of schema.required ?? []) {
    if (body[name] === undefined) throw commonErrors.missingParameter(name);
  }
  return body;
}

function checkType(name: string, type: ParameterType, value: unknown): void {
  if (type === 'TagArray' || type === 'ResourceTagArray' || type === 'FilterArray') {
    if (!Array.isArray(value)) throw wrongType(name, 'Array');
    value.forEach((item, index) => checkObject(`${name}.${index}`, type, item));
    return;
  }
  if (type === 'ChargePrepaid') return checkObject(name, type, value);
  checkScalar(name, type, value);
}

function checkObject(name: string, type: ParameterType, value: unknown): void {
  if (!isPlainObject(value)) throw wrongType(name, 'Object');
  const fields = NESTED_FIELDS[type]!;
  for (const [field, fieldValue] of Object.entries(value)) {
    const fieldType = fields[field];
    if (!fieldType) throw commonErrors.unknownParameter(`${name}.${field}`);
    checkScalar(`${name}.${field}`, fieldType, fieldValue);
  }
  for (const field of NESTED_REQUIRED[type] ?? []) {
    if (value[field] === undefined) throw commonErrors.missingParameter(`${name}.${field}`);
  }
}

function checkScalar(name: string, type: ParameterType, value: unknown): void {
  const ok =
    (type === 'String' && typeof value === 'string') ||
    (type === 'Integer' && Number.isInteger(value)) ||
    (type === 'Boolean' && typeof value === 'boolean') ||
    (type === 'StringArray' && Array.isArray(value) && value.every((item) => typeof item === 'string'));
  if (!ok) throw wrongType(name, type === 'StringArray' ? 'Array of String' : type);
}

function wrongType(name: string, expected: string) {
  return commonErrors.invalidParameter(`The value type of parameter \`${name}\` should be ${expected}.`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
