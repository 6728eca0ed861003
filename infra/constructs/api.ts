/**
 * The HTTP API in front of the api function.
 *
 * Routes: every route the OpenAPI route docs mark as needing a caller (anything but `anyone`) is
 * declared with the JWT authorizer, so a request without a valid access token for our client never
 * reaches (or bills) the function. Everything else — public API routes, /docs, the OpenAPI document
 * and all web pages — goes to the `$default` route without an authorizer: pages authenticate with the
 * session cookie, which an API Gateway JWT authorizer cannot read. The app verifies every token
 * itself anyway (same issuer, same JWKS); the authorizer is a first gate, not the only one.
 *
 * CORS: the site and the API share one origin (CloudFront), so browsers need no CORS at all. With a
 * custom domain the API allows exactly that origin; without one, no CORS headers are sent (allowing the
 * distribution's generated domain would make the API depend on the distribution, which depends on the
 * API: a cycle).
 */
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { RouteDoc } from '../../functions/api/openapi/route-docs';
import type { Stage } from '../config';
import { acknowledge } from '../nag';

export const API_PREFIX = '/api/v1';

/** `/achievements/:id/publish` → `/api/v1/achievements/{id}/publish` */
export function httpApiPath(honoPath: string): string {
  return API_PREFIX + honoPath.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');
}

/** The routes that get the JWT authorizer: all but those open to anyone (and the local-only dev routes). */
export function signedInRoutes(docs: readonly RouteDoc[]): RouteDoc[] {
  return docs.filter((d) => d.access !== 'anyone' && d.access !== 'local-only');
}

const THROTTLE: Record<Stage, { rateLimit: number; burstLimit: number }> = {
  dev: { rateLimit: 50, burstLimit: 100 },
  prod: { rateLimit: 500, burstLimit: 1000 },
};

export class ApiGateway extends Construct {
  readonly httpApi: apigwv2.HttpApi;
  readonly stage: apigwv2.HttpStage;
  readonly accessLogs: logs.LogGroup;

  constructor(scope: Construct, id: string, props: { stage: Stage; corsOrigin?: string }) {
    super(scope, id);
    const prod = props.stage === 'prod';
    this.httpApi = new apigwv2.HttpApi(this, 'HttpApi', {
      description: 'Tech-transfer marketplace: API and pages (behind CloudFront)',
      createDefaultStage: false,
      ...(props.corsOrigin
        ? {
            corsPreflight: {
              allowOrigins: [props.corsOrigin],
              allowMethods: [apigwv2.CorsHttpMethod.ANY],
              allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'if-match', 'x-request-id'],
              exposeHeaders: ['etag', 'location', 'x-request-id'],
              allowCredentials: false,
              maxAge: Duration.hours(1),
            },
          }
        : {}),
    });
    this.accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: prod ? logs.RetentionDays.ONE_YEAR : logs.RetentionDays.ONE_MONTH,
      removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.stage = this.httpApi.addStage('Stage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: THROTTLE[props.stage],
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(this.accessLogs),
        format: apigw.AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            ip: '$context.identity.sourceIp',
            method: '$context.httpMethod',
            path: '$context.path',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            integrationLatencyMs: '$context.integrationLatency',
            responseLength: '$context.responseLength',
            authorizerError: '$context.authorizer.error',
            integrationError: '$context.integrationErrorMessage',
            userAgent: '$context.identity.userAgent',
          }),
        ),
      },
    });
  }

  /** `<api id>.execute-api.<region>.<amazonaws.com | amazonaws.com.cn>`: CloudFront's origin. */
  get domainName(): string {
    const stack = Stack.of(this);
    return `${this.httpApi.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`;
  }

  /** Declares the signed-in routes with the authorizer and sends everything else to the function. */
  routeTo(fn: lambda.IFunction, authorizer: HttpJwtAuthorizer, docs: readonly RouteDoc[]): void {
    const integration = new HttpLambdaIntegration('ApiFunction', fn, {
      payloadFormatVersion: apigwv2.PayloadFormatVersion.VERSION_2_0,
      // One invoke permission for the whole API instead of one per route (the function policy has a 20 KB limit).
      scopePermissionToRoute: false,
    });
    const fallback = new apigwv2.HttpRoute(this, 'DefaultRoute', { httpApi: this.httpApi, routeKey: apigwv2.HttpRouteKey.DEFAULT, integration });
    acknowledge(fallback, [
      {
        id: 'AwsSolutions-APIG4',
        reason:
          'The $default route carries the public API routes (access "anyone" in the route docs), /docs and the web pages, which authenticate with an HttpOnly session cookie a JWT authorizer cannot read; the app verifies every token and cookie itself. Signed-in API routes are declared separately with the JWT authorizer.',
      },
    ]);
    for (const doc of signedInRoutes(docs)) {
      this.httpApi.addRoutes({
        path: httpApiPath(doc.path),
        methods: [doc.method.toUpperCase() as apigwv2.HttpMethod],
        integration,
        authorizer,
      });
    }
  }
}
