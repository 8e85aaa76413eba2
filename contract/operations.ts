// The seven operations of the API, named once. Server (routes, hooks, handlers), suite (client,
// response check, requirement catalogue, report) and self-test all use these names; the other
// spellings (HTTP route, openapi operationId, the official SDK's method) are columns of one table.

export type OperationName = 'put' | 'get' | 'delete' | 'list' | 'batch-put' | 'batch-delete' | 'supported-regions';

export interface Operation {
  name: OperationName;
  method: 'GET' | 'PUT' | 'DELETE';
  /** Path below the API's base URL, with openapi.json's parameter names. */
  path: string;
  /** openapi.json's operationId. */
  operationId: string;
  /** The official SDK's method (client.cache.originCloudRegions.<sdkMethod>). */
  sdkMethod: string;
  /** How reports name the operation. */
  label: string;
  /** The request carries a JSON body. */
  takesBody: boolean;
}

/** The collection; the other routes hang below it. */
export const COLLECTION_PATH = '/zones/{zone_id}/origin/cloud_regions';

function op(name: OperationName, method: Operation['method'], path: string, operationId: string, sdkMethod: string, takesBody = false): Operation {
  return { name, method, path, operationId, sdkMethod, label: `${method} ${path}`, takesBody };
}

/** In the order reports list them. Static segments (batch, supported_regions) before {origin_ip}. */
export const OPERATIONS: readonly Operation[] = [
  op('put', 'PUT', `${COLLECTION_PATH}/{origin_ip}`, 'origin-cloud-regions-v2-upsert', 'update', true),
  op('get', 'GET', `${COLLECTION_PATH}/{origin_ip}`, 'origin-cloud-regions-v2-get', 'get'),
  op('delete', 'DELETE', `${COLLECTION_PATH}/{origin_ip}`, 'origin-cloud-regions-v2-delete', 'delete'),
  op('list', 'GET', COLLECTION_PATH, 'origin-cloud-regions-v2-list', 'list'),
  op('batch-put', 'PUT', `${COLLECTION_PATH}/batch`, 'origin-cloud-regions-v2-batch-upsert', 'bulkUpdate', true),
  op('batch-delete', 'DELETE', `${COLLECTION_PATH}/batch`, 'origin-cloud-regions-v2-batch-delete', 'bulkDelete', true),
  op('supported-regions', 'GET', `${COLLECTION_PATH}/supported_regions`, 'origin-cloud-regions-v2-supported-regions', 'supportedRegions'),
];

export const OPERATION_NAMES: readonly OperationName[] = OPERATIONS.map((o) => o.name);

export const OPERATION: Readonly<Record<OperationName, Operation>> = Object.fromEntries(OPERATIONS.map((o) => [o.name, o])) as Record<
  OperationName,
  Operation
>;

/** openapi.json's operationId -> operation name. */
export const OPERATION_BY_OPENAPI_ID: Readonly<Record<string, OperationName>> = Object.fromEntries(
  OPERATIONS.map((o) => [o.operationId, o.name]),
);

/** The operations that write mappings. */
export type WriteOperation = 'put' | 'delete' | 'batch-put' | 'batch-delete';
