/**
 * The public site: one CloudFront distribution.
 * - `/assets/*`, `/docs/assets/*` → a private S3 bucket (rendered by infra/web-assets.ts), through
 *   origin access control (commercial) or an origin access identity (AWS China, where
 *   AWS::CloudFront::OriginAccessControl is not available), cached for an hour.
 * - everything else → the HTTP API (pages, /api/v1, /docs), never cached: cookies, query strings and
 *   the headers the app reads are forwarded; Authorization only as part of a cache key that nothing
 *   is ever cached under (CloudFront forwards Authorization only that way).
 * - security headers on every response (the app's own, where it sets them, win).
 *
 * AWS China: CloudFront cannot serve content on its generated *.cloudfront.cn name; it needs an
 * ICP-registered domain and a certificate uploaded to IAM (ACM is not supported there). Both are
 * CloudFormation parameters of the China stack.
 */
import { CfnParameter, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { acknowledge } from '../nag';
import { Construct } from 'constructs';
import type { DeploymentConfig } from '../config';
import { STATIC_PATH_PATTERNS } from '../web-assets';

/** Request headers the app reads (besides cookies and the query string). Host is NOT forwarded: API Gateway routes by its own host name. */
export const FORWARDED_HEADERS = [
  'Accept',
  'Accept-Language',
  'Content-Type',
  'Origin',
  'Referer',
  'If-Match',
  'If-None-Match',
  'Idempotency-Key',
  'X-Request-Id',
  'User-Agent',
];

/**
 * Cookies that change what a page or API answer says, so they are in the cache key: the language, and
 * the session (whose holders get `private, no-store` answers anyway; see public-cache.ts in the api).
 */
export const CACHE_KEY_COOKIES = ['lang', 'tm_session', 'tm_refresh'];

export class WebHosting extends Construct {
  readonly bucket: s3.Bucket;
  readonly logBucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  /** The site's public https origin (WEB_ORIGIN): custom domain, or the distribution's own name. */
  readonly origin: string;

  constructor(scope: Construct, id: string, props: { config: DeploymentConfig; apiDomainName: string; assetsDir: string }) {
    super(scope, id);
    const { config } = props;
    const prod = config.stage === 'prod';
    const china = config.partition === 'aws-cn';

    // CloudFront standard logs are written with ACLs, so this bucket (only this one) allows them.
    this.logBucket = new s3.Bucket(this, 'Logs', {
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(prod ? 365 : 30) }],
      removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    acknowledge(this.logBucket, [
      { id: 'AwsSolutions-S1', reason: 'This is the access-log bucket itself (CloudFront and the assets bucket log here); logging it would recurse.' },
    ]);

    this.bucket = new s3.Bucket(this, 'Assets', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 'assets-bucket/',
      // Rebuilt from code on every deploy: nothing to keep.
      removalPolicy: RemovalPolicy.DESTROY,
    });

    const apiOrigin = new origins.HttpOrigin(props.apiDomainName, {
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
      readTimeout: Duration.seconds(30),
    });
    const assetsOrigin = china ? origins.S3BucketOrigin.withOriginAccessIdentity(this.bucket) : origins.S3BucketOrigin.withOriginAccessControl(this.bucket);

    const pagesCache = new cloudfront.CachePolicy(this, 'PagesCache', {
      comment: 'Pages and API: kept as long as the app says (anonymous public reads 30 s); keyed by language, session, Authorization',
      defaultTtl: Duration.seconds(0),
      minTtl: Duration.seconds(0),
      maxTtl: Duration.minutes(5),
      headerBehavior: cloudfront.CacheHeaderBehavior.allowList('Authorization'),
      // Not every cookie: the CSRF cookie differs per visitor and would give each visitor a cache of their own.
      cookieBehavior: cloudfront.CacheCookieBehavior.allowList(...CACHE_KEY_COOKIES),
      queryStringBehavior: cloudfront.CacheQueryStringBehavior.all(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    const pagesOriginRequest = new cloudfront.OriginRequestPolicy(this, 'PagesOriginRequest', {
      comment: 'Everything the app reads except Host',
      headerBehavior: cloudfront.OriginRequestHeaderBehavior.allowList(...FORWARDED_HEADERS),
      cookieBehavior: cloudfront.OriginRequestCookieBehavior.all(),
      queryStringBehavior: cloudfront.OriginRequestQueryStringBehavior.all(),
    });
    const assetsCache = new cloudfront.CachePolicy(this, 'AssetsCache', {
      comment: 'Static assets rendered from code: an hour by default',
      defaultTtl: Duration.hours(1),
      minTtl: Duration.seconds(0),
      maxTtl: Duration.days(1),
      headerBehavior: cloudfront.CacheHeaderBehavior.none(),
      cookieBehavior: cloudfront.CacheCookieBehavior.none(),
      queryStringBehavior: cloudfront.CacheQueryStringBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    const securityHeaders = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Security headers for pages, API and assets',
      securityHeadersBehavior: {
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: false },
        // Same as the app: with no-referrer browsers send `Origin: null` on same-origin form posts.
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: false },
      },
      customHeadersBehavior: {
        customHeaders: [{ header: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()', override: false }],
      },
    });

    const customDomain = this.customDomain(config);
    const staticBehavior: cloudfront.BehaviorOptions = {
      origin: assetsOrigin,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
      cachePolicy: assetsCache,
      responseHeadersPolicy: securityHeaders,
      compress: true,
    };
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `Tech-transfer marketplace (${config.stage})`,
      defaultBehavior: {
        origin: apiOrigin,
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
        cachePolicy: pagesCache,
        originRequestPolicy: pagesOriginRequest,
        responseHeadersPolicy: securityHeaders,
        compress: true,
      },
      additionalBehaviors: Object.fromEntries(STATIC_PATH_PATTERNS.map((pattern) => [pattern, staticBehavior])),
      enableLogging: true,
      logBucket: this.logBucket,
      logFilePrefix: 'cloudfront/',
      // China: HTTP/3 and IPv6 are not offered by CloudFront there; price classes do not apply.
      httpVersion: china ? cloudfront.HttpVersion.HTTP2 : cloudfront.HttpVersion.HTTP2_AND_3,
      enableIpv6: !china,
      ...(china ? {} : { priceClass: cloudfront.PriceClass.PRICE_CLASS_200 }),
      ...(customDomain.acm
        ? { domainNames: [customDomain.name!], certificate: customDomain.acm, minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021 }
        : {}),
    });
    if (customDomain.iamCertificateId) {
      const cfn = this.distribution.node.defaultChild as cloudfront.CfnDistribution;
      cfn.addPropertyOverride('DistributionConfig.Aliases', [customDomain.name]);
      cfn.addPropertyOverride('DistributionConfig.ViewerCertificate', {
        IamCertificateId: customDomain.iamCertificateId,
        SslSupportMethod: 'sni-only',
        MinimumProtocolVersion: 'TLSv1.2_2021',
      });
    }
    this.origin = customDomain.name ? `https://${customDomain.name}` : `https://${this.distribution.distributionDomainName}`;

    new s3deploy.BucketDeployment(this, 'DeployAssets', {
      sources: [s3deploy.Source.asset(props.assetsDir)],
      destinationBucket: this.bucket,
      cacheControl: [s3deploy.CacheControl.fromString('public, max-age=3600')],
      prune: true,
      memoryLimit: 256,
      distribution: this.distribution,
      distributionPaths: STATIC_PATH_PATTERNS.map((p) => p),
    });

    acknowledge(this.distribution, [
      { id: 'AwsSolutions-CFR1', reason: 'No geo restriction: the marketplace is public (partners outside the city and abroad are welcome).' },
      { id: 'AwsSolutions-CFR2', reason: 'No WAF web ACL by default (cost); API Gateway throttling and the app’s own validation apply. Add one per deployment if needed.' },
      ...(china
        ? [
            {
              id: 'AwsSolutions-CFR4',
              reason: 'Remediated by a raw override cdk-nag cannot see: the China distribution uses the IAM certificate of the DomainName parameter with sni-only and TLSv1.2_2021 (asserted in test/infra).',
            },
            {
              id: 'AwsSolutions-CFR7',
              reason: 'AWS China has no AWS::CloudFront::OriginAccessControl resource type: the S3 origin uses an origin access identity instead, and the bucket stays private (block public access, policy for that identity only).',
            },
          ]
        : []),
      ...(customDomain.name
        ? []
        : [
            {
              id: 'AwsSolutions-CFR4',
              reason: 'Without a custom domain the distribution uses the default *.cloudfront.net certificate, whose viewer TLS policy cannot be raised; with -c domainName the policy is TLSv1.2_2021.',
            },
          ]),
    ]);
  }

  private customDomain(config: DeploymentConfig): { name?: string; acm?: acm.ICertificate; iamCertificateId?: string } {
    if (config.partition === 'aws-cn') {
      const stack = Stack.of(this);
      const name = new CfnParameter(stack, 'DomainName', { type: 'String', description: 'ICP-registered domain of the site (CloudFront in China cannot serve its own *.cloudfront.cn name)' }).valueAsString;
      const iamCertificateId = new CfnParameter(stack, 'IamCertificateId', { type: 'String', description: 'Id of the TLS certificate for DomainName uploaded to IAM (ACM is not available to CloudFront in China)' }).valueAsString;
      return { name, iamCertificateId };
    }
    if (config.domainName && config.certificateArn) {
      return { name: config.domainName, acm: acm.Certificate.fromCertificateArn(this, 'Certificate', config.certificateArn) };
    }
    return {};
  }
}

