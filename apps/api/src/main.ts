import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { InvalidConfigError, loadConfig } from '#libs/config';
import { ApiModule } from './app.module';
import { configureApp } from './http/configure-app';
import { prepareDatabase } from './prepare-database';

/**
 * `node dist/apps/api/main.js` serves the API. With `--with-worker` (what `npm start` does
 * for a newcomer) it also prepares the database and runs the worker in the same process.
 */
async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const withWorker = process.argv.includes('--with-worker');
  if (withWorker) await prepareDatabase(config);
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  configureApp(app, config);
  await app.listen(config.PORT, config.HOST);
  if (withWorker) {
    const { startWorker } = await import('../../worker/src/start-worker');
    await startWorker(config);
  }
  const address = `http://${config.HOST}:${config.PORT}`;
  app.get(Logger).log(`Breach Desk API at ${address} (docs: ${address}/api/docs)`);
  process.stdout.write(`\nBreach Desk is running: open ${address}/api/docs\n\n`);
}

bootstrap().catch((error: Error) => {
  process.stderr.write(
    error instanceof InvalidConfigError ? `${error.message}\n` : `Failed to start: ${error.name}: ${error.message}\n`,
  );
  process.exit(1);
});
