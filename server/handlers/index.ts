// One handler per operation.
import { OPERATIONS } from '../../contract';
import type { Handler, OperationName } from '../types';
import { batchDelete } from './batch-delete';
import { batchPut } from './batch-put';
import { remove } from './delete';
import { get } from './get';
import { list } from './list';
import { put } from './put';
import { supportedRegions } from './supported-regions';

export const handlers: Record<OperationName, Handler> = {
  put,
  get,
  delete: remove,
  list,
  'batch-put': batchPut,
  'batch-delete': batchDelete,
  'supported-regions': supportedRegions,
};

/** The operations that take a JSON body; the others never read one. */
export const takesBody: ReadonlySet<OperationName> = new Set(OPERATIONS.filter((o) => o.takesBody).map((o) => o.name));
