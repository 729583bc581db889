import 'reflect-metadata';
import { InvalidConfigError, loadConfig } from '#libs/config';
import { startWorker } from './start-worker';

Promise.resolve()
  .then(() => startWorker(loadConfig()))
  .catch((error: Error) => {
    process.stderr.write(
      error instanceof InvalidConfigError
        ? `${error.message}\n`
        : `Worker failed to start: ${error.name}: ${error.message}\n`,
    );
    process.exit(1);
  });
