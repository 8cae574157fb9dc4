import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule, defaultSecurity, type ApiDependencies } from './app.module.js';
import { securityHeaders } from './http/security-headers.js';
import { createValidationPipe } from './http/validation.js';
import { documentErrors } from './http/openapi-errors.js';
import { JsonLogger, requestIdMiddleware } from './http/request-context.js';
import type { LoggerService } from '@nestjs/common';

/** Builds the HTTP application (not listening yet): used by main, the launcher and the e2e tests. */
export async function createApiApp(
  deps: ApiDependencies,
  options: { logger?: boolean | LoggerService; trustProxyHops?: number } = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(deps), {
    logger:
      options.logger === false
        ? false
        : options.logger === true || options.logger === undefined
          ? new JsonLogger()
          : options.logger,
    bodyParser: true,
  });
  app.disable('x-powered-by');
  app.use(securityHeaders((deps.security ?? defaultSecurity()).publicUrl));
  // Behind N proxies, request.ip is the client's address from X-Forwarded-For (rate limits count per client).
  if (options.trustProxyHops) app.set('trust proxy', options.trustProxyHops);
  app.use(requestIdMiddleware);
  app.useBodyParser('json', { limit: '256kb' });
  // The dashboard's plain HTML forms.
  app.useBodyParser('urlencoded', { extended: false, limit: '64kb' });
  // HR exports come as CSV text; 20 MB holds well over 10,000 rows.
  app.useBodyParser('text', { type: ['text/csv', 'text/plain'], limit: '20mb' });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  const document = documentErrors(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('mentorflow API')
        .setDescription(
          'Company-wide managerial mentoring programs. Every endpoint except /health and /docs needs a bearer token ' +
            '(Authorization: Bearer mf_…, or an access token of the configured identity provider). A caller with no ' +
            'relation to a program, mentorship, pilot or token gets the same 404 as for one that does not exist. ' +
            'Errors carry a stable `code`; validation errors list each field at fault.',
        )
        .setVersion('0.1.0')
        .addBearerAuth()
        .build(),
    ),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}
