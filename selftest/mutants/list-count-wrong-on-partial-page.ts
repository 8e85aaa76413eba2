import { onReplies } from '../helpers';
import { defineMutant } from '../types';

// result_info.count says per_page on every non-empty page, also on a partial last page (the count
// of a full page, computed from the request rather than from the items).
export default defineMutant({
  id: 'list-count-wrong-on-partial-page',
  description: 'result_info.count is per_page on a partial last page instead of the number of items on it',
  expected: ['LIST-RESULT-INFO'],
  hooks: {
    reply: onReplies(['list'], (reply) => {
      const info = reply.body?.result_info as { count?: number; per_page?: number } | undefined;
      const items = reply.body?.result;
      if (!info || !Array.isArray(items) || items.length === 0 || items.length >= (info.per_page ?? 0)) return reply;
      return { ...reply, body: { ...reply.body, result_info: { ...info, count: info.per_page } } };
    }),
  },
});
