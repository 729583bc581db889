import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '#libs/config';
import { WorkerModule } from './worker.module';

/** The worker is a Nest application context: no HTTP, just the relay and the queues. */
export async function startWorker(config: AppConfig): Promise<INestApplicationContext> {
  const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  worker.useLogger(worker.get(Logger));
  worker.enableShutdownHooks();
  await worker.init();
  worker.get(Logger).log('Breach Desk worker started');
  return worker;
}
