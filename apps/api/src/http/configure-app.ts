import { INestApplication, ValidationPipe } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { sessionCookie, sessionSecret } from '#libs/auth';
import type { AppConfig } from '#libs/config';
import { configureViews } from '../pages/view/view-engine';
import { ErrorFilter } from './error.filter';
import { inputSanity } from './input-sanity';

/** Everything an API process needs beyond its module; tests call this too, so they test what runs. */
export function configureApp(app: NestExpressApplication, config: AppConfig): INestApplication {
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY);
  app.useBodyParser('json', { limit: config.BODY_LIMIT });
  // The pages' forms; `extended: false` keeps form bodies flat strings (no nested-object tricks).
  app.useBodyParser('urlencoded', { limit: config.BODY_LIMIT, extended: false });
  app.use(inputSanity);
  app.use(cookieParser(sessionSecret(config)));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Scripts only from our own files: no inline script, no script attributes.
          'script-src': ["'self'"],
          // Over plain http (development on 127.0.0.1) upgrading would break every asset.
          'upgrade-insecure-requests': sessionCookie(config).secure ? [] : null,
        },
      },
    }),
  );
  configureViews(app);
  app.useGlobalFilters(new ErrorFilter());
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      // Rejected values are never echoed back: they may be personal data.
      validationError: { target: false, value: false },
    }),
  );
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Breach Desk')
      .setDescription('Personal data breach workflow: report, the 72-hour ICO clock, assessment, decisions, register.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document);
  return app;
}
