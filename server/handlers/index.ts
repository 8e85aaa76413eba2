// One handler per operation.
import type { Handler, OperationName } from '../types';
import { bulkDelete } from './bulk-delete';
import { bulkUpdate } from './bulk-update';
import { remove } from './delete';
import { get } from './get';
import { list } from './list';
import { supportedRegions } from './supported-regions';
import { update } from './update';

export const handlers: Record<OperationName, Handler> = {
  update,
  get,
  delete: remove,
  list,
  bulkUpdate,
  bulkDelete,
  supportedRegions,
};

/** The operations that take a JSON body; the others never read one. */
export const takesBody: ReadonlySet<OperationName> = new Set(['update', 'bulkUpdate', 'bulkDelete']);
