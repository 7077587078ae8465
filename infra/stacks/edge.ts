/**
 * How the world reaches Chengxin: one CloudFront distribution (WAF in front, access logs) over
 * - `/v1/admin/*` → the HTTP API, never cached, the signature header passed on;
 * - `/v1/*` → the HTTP API, cached as the API's Cache-Control says, query strings in the key;
 * - `/open-data/*` → the open-data bucket (origin access control);
 * - `/assets/*`, `/widget.js` → the site bucket (origin access control);
 * - everything else (the pages) → the HTTP API, keyed on the `lang` cookie.
 * The HTTP API sends the admin API and objection filings to the admin function, the rest to api.
 * A response headers policy adds HSTS, nosniff, a strict CSP and frame denial, except on the
 * embeddable card, which other sites may frame.
 */
import { Duration, Fn, RemovalPolicy, Stack } from 'aws-cdk-lib'
import { type CfnStage, HttpApi, HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2'
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations'
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager'
import {
  AllowedMethods,
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  type IOrigin,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront'
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins'
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs'
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket } from 'aws-cdk-lib/aws-s3'
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment'
import { Construct } from 'constructs'
import { PAGE_CSP } from '../../site/pages/layout.js'
import {
  acknowledge,
  arnOf,
  finding,
  LAMBDA_LOGS_POLICY,
  LAMBDA_LOGS_REASON,
  S3_READ,
  S3_WRITE,
  where,
} from '../acknowledgements.js'
import type { ChengxinFunction } from '../constructs/chengxin-function.js'

/** CSP for the embeddable card: our own resources only, but any site may frame it. */
export const EMBED_CSP = PAGE_CSP.replace("frame-ancestors 'none'", 'frame-ancestors *')

export type EdgeProps = {
  api: ChengxinFunction
  admin: ChengxinFunction
  openData: IBucket
  logs: IBucket
  /** Folder holding the built site assets (assets/…, widget.js). */
  siteAssets: string
  /** ARN of the WAF web ACL (scope CLOUDFRONT, in us-east-1). */
  webAclArn?: string
  /** A custom domain with its ACM certificate (us-east-1). */
  domain?: { name: string; certificateArn: string }
}

export class Edge extends Construct {
  readonly httpApi: HttpApi
  readonly distribution: Distribution
  readonly siteBucket: Bucket
  readonly headers: ResponseHeadersPolicy
  readonly embedHeaders: ResponseHeadersPolicy

  constructor(scope: Construct, id: string, props: EdgeProps) {
    super(scope, id)
    const apiIntegration = new HttpLambdaIntegration('Api', props.api)
    const adminIntegration = new HttpLambdaIntegration('Admin', props.admin)
    this.httpApi = new HttpApi(this, 'HttpApi', {
      defaultIntegration: apiIntegration,
      createDefaultStage: true,
    })
    this.httpApi.addRoutes({
      path: '/v1/admin/{proxy+}',
      methods: [HttpMethod.ANY],
      integration: adminIntegration,
    })
    this.httpApi.addRoutes({
      path: '/v1/objections',
      methods: [HttpMethod.POST],
      integration: adminIntegration,
    })
    this.httpApi.addRoutes({
      path: '/a/{uscc}/objections',
      methods: [HttpMethod.POST],
      integration: adminIntegration,
    })
    acknowledge(
      this.httpApi,
      [finding('APIG4')],
      'Public by design; admin routes are authorised in the function by a per-request ES256 signature of a registered officer key (functions/admin/auth.ts)',
    )
    const accessLogs = new LogGroup(this, 'ApiAccessLogs', {
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.RETAIN,
    })
    const stage = this.httpApi.defaultStage?.node.defaultChild as CfnStage
    stage.accessLogSettings = {
      destinationArn: accessLogs.logGroupArn,
      format: JSON.stringify({
        requestId: '$context.requestId',
        ip: '$context.identity.sourceIp',
        method: '$context.httpMethod',
        path: '$context.path',
        status: '$context.status',
        latency: '$context.responseLatency',
        integrationError: '$context.integrationErrorMessage',
      }),
    }

    this.siteBucket = new Bucket(this, 'Site', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: props.logs as Bucket,
      serverAccessLogsPrefix: 'site/',
    })
    new BucketDeployment(this, 'Assets', {
      sources: [Source.asset(props.siteAssets, { exclude: ['widget.js'] })],
      destinationBucket: this.siteBucket,
      cacheControl: [CacheControl.fromString('public, max-age=31536000, immutable')],
      prune: false,
    })
    new BucketDeployment(this, 'Widget', {
      sources: [Source.asset(props.siteAssets, { exclude: ['assets'] })],
      destinationBucket: this.siteBucket,
      cacheControl: [CacheControl.fromString('public, max-age=300, stale-while-revalidate=86400')],
      prune: false,
    })

    const securityHeaders = {
      strictTransportSecurity: {
        accessControlMaxAge: Duration.days(730),
        includeSubdomains: true,
        preload: true,
        override: true,
      },
      contentTypeOptions: { override: true },
      referrerPolicy: {
        referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
        override: true,
      },
    }
    this.headers = new ResponseHeadersPolicy(this, 'Headers', {
      comment: 'Chengxin: HSTS, nosniff, strict CSP, no framing',
      securityHeadersBehavior: {
        ...securityHeaders,
        // The app sets a stricter or page-specific CSP itself; this one covers the rest.
        contentSecurityPolicy: { contentSecurityPolicy: PAGE_CSP, override: false },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
      },
    })
    this.embedHeaders = new ResponseHeadersPolicy(this, 'EmbedHeaders', {
      comment: 'Chengxin embeddable card: as the others, but other sites may frame it',
      securityHeadersBehavior: {
        ...securityHeaders,
        contentSecurityPolicy: { contentSecurityPolicy: EMBED_CSP, override: true },
      },
    })

    const apiOrigin = new HttpOrigin(Fn.select(2, Fn.split('/', this.httpApi.apiEndpoint)))
    const viewerRequest = OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER
    const honourOrigin = (id: string, comment: string, cookies: CacheCookieBehavior) =>
      new CachePolicy(this, id, {
        comment,
        minTtl: Duration.seconds(0),
        defaultTtl: Duration.seconds(0),
        maxTtl: Duration.days(1),
        queryStringBehavior: CacheQueryStringBehavior.all(),
        cookieBehavior: cookies,
        headerBehavior: CacheHeaderBehavior.none(),
        enableAcceptEncodingGzip: true,
        enableAcceptEncodingBrotli: true,
      })
    const apiCache = honourOrigin(
      'ApiCache',
      'Chengxin API: as Cache-Control says',
      CacheCookieBehavior.none(),
    )
    const pageCache = honourOrigin(
      'PageCache',
      'Chengxin pages: per language',
      CacheCookieBehavior.allowList('lang'),
    )
    // Admin requests carry a one-time signature; keying on it means nothing is ever shared.
    const adminCache = new CachePolicy(this, 'AdminCache', {
      comment: 'Chengxin admin API: never shared; the signature header reaches the origin',
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(0),
      maxTtl: Duration.seconds(1),
      headerBehavior: CacheHeaderBehavior.allowList('Authorization'),
      queryStringBehavior: CacheQueryStringBehavior.all(),
    })
    const api = {
      origin: apiOrigin,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      originRequestPolicy: viewerRequest,
      responseHeadersPolicy: this.headers,
      compress: true,
    }
    // One origin (and one origin access control) per bucket, however many paths it serves.
    const bucket = (origin: IOrigin) => ({
      origin,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      cachePolicy: CachePolicy.CACHING_OPTIMIZED,
      responseHeadersPolicy: this.headers,
      compress: true,
    })

    const siteOrigin = S3BucketOrigin.withOriginAccessControl(this.siteBucket)
    this.distribution = new Distribution(this, 'Cdn', {
      comment: 'Chengxin 诚信',
      defaultBehavior: { ...api, cachePolicy: pageCache, allowedMethods: AllowedMethods.ALLOW_ALL },
      additionalBehaviors: {
        '/v1/admin/*': { ...api, cachePolicy: adminCache, allowedMethods: AllowedMethods.ALLOW_ALL },
        '/v1/*': { ...api, cachePolicy: apiCache, allowedMethods: AllowedMethods.ALLOW_ALL },
        '/embed/card/*': { ...api, cachePolicy: pageCache, responseHeadersPolicy: this.embedHeaders },
        '/open-data/*': bucket(S3BucketOrigin.withOriginAccessControl(props.openData)),
        '/assets/*': bucket(siteOrigin),
        '/widget.js': bucket(siteOrigin),
      },
      ...(props.domain
        ? {
            domainNames: [props.domain.name],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', props.domain.certificateArn),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      priceClass: PriceClass.PRICE_CLASS_ALL,
      enableLogging: true,
      logBucket: props.logs,
      logFilePrefix: 'cloudfront/',
      ...(props.webAclArn ? { webAclId: props.webAclArn } : {}),
    })
    acknowledge(
      this.distribution,
      [finding('CFR1')],
      'A public credit registry answers everyone: no geographic restriction',
    )
    if (!props.domain)
      acknowledge(
        this.distribution,
        [finding('CFR4')],
        'Without a custom domain CloudFront serves its default certificate, whose TLS policy cannot be set; with domainName and certificateArn the distribution requires TLS 1.2 (2021)',
      )
    this.acknowledgeDeployments()
  }

  /** The bucket deployments share one CDK-made function; its grants are CDK's own. */
  private acknowledgeDeployments() {
    const stack = Stack.of(this)
    const { account, region } = where(this)
    for (const child of stack.node.children) {
      if (!child.node.id.startsWith('Custom::CDKBucketDeployment')) continue
      acknowledge(child, [LAMBDA_LOGS_POLICY], LAMBDA_LOGS_REASON)
      acknowledge(child, [finding('L1')], 'CDK’s own deployment function; its runtime is CDK’s choice')
      acknowledge(
        child,
        [
          ...S3_READ,
          ...S3_WRITE,
          finding('IAM5', `Resource::${arnOf(this.siteBucket)}/*`),
          finding('IAM5', `Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-${account}-${region}/*`),
        ],
        'CDK’s deployment function copies the built site assets from the CDK asset bucket into the site bucket',
      )
    }
  }
}
