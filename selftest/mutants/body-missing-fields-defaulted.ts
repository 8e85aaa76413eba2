import { defineMutant } from '../types';

export default defineMutant({
  id: 'body-missing-fields-defaulted',
  description: 'A PUT body without vendor or region is completed with aws/us-east-1 and stored',
  expected: ['PUT-BODY-INVALID'],
  hooks: {
    operations: {
      put: (ctx, next) => {
        const body = ctx.body;
        if (!body || typeof body !== 'object' || Array.isArray(body)) return next(ctx);
        return next({ ...ctx, body: { vendor: 'aws', region: 'us-east-1', ...body } });
      },
    },
  },
});
