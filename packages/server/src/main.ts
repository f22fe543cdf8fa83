import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { seedDemoData } from './demo/seed.ts';

// Reads config, migrates, seeds the demo city when asked, starts listening.
const config = loadConfig();
const { app, ctx } = await buildApp(config);
if (config.demo) {
  const seeded = await seedDemoData(ctx);
  if (seeded) app.log.info(seeded, 'demo data set of Weihai created');
}
await app.listen({ port: config.port, host: config.host });
app.log.info(`Zhizao 智造 is ready at http://localhost:${config.port} (${ctx.dialect}${config.demo ? ', demo mode' : ''})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => process.exit(0));
  });
}
