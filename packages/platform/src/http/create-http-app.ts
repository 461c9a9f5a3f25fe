import Koa from 'koa';

/** A koa app with the endpoints every service has. Does not listen: main.ts or a test does. */
export function createHttpApp(service: string): Koa {
  const app = new Koa();
  app.use(async (ctx, next) => {
    if (ctx.method === 'GET' && ctx.path === '/healthz') {
      ctx.body = { status: 'ok', service };
      return;
    }
    await next();
  });
  return app;
}
