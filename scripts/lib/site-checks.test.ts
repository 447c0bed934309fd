import { describe, expect, test } from 'vitest'
import { cloudFront } from '../../site/headers.cjs'
import { siteChecks, type Template } from './site-checks'

/** the template check's static-site part, fed the site's resources as serverless.yml declares them, and broken copies */
async function goodTemplate(): Promise<Template> {
  const headers = await cloudFront({ resolveVariable: () => '' })
  const behavior = (extra: Record<string, unknown>) => ({
    TargetOriginId: 'site',
    ViewerProtocolPolicy: 'redirect-to-https',
    ResponseHeadersPolicyId: { Ref: 'SiteHeadersPolicy' },
    ...extra,
  })
  return {
    Resources: {
      SiteBucket: {
        Type: 'AWS::S3::Bucket',
        Properties: {
          PublicAccessBlockConfiguration: {
            BlockPublicAcls: true,
            BlockPublicPolicy: true,
            IgnorePublicAcls: true,
            RestrictPublicBuckets: true,
          },
        },
      },
      SiteBucketPolicy: {
        Type: 'AWS::S3::BucketPolicy',
        Properties: {
          Bucket: { Ref: 'SiteBucket' },
          PolicyDocument: {
            Statement: [
              {
                Effect: 'Allow',
                Principal: { Service: 'cloudfront.amazonaws.com' },
                Action: 's3:GetObject',
                Condition: { StringEquals: { 'AWS:SourceArn': 'arn' } },
              },
              {
                Effect: 'Deny',
                Principal: '*',
                Action: 's3:*',
                Condition: { Bool: { 'aws:SecureTransport': 'false' } },
              },
            ],
          },
        },
      },
      SiteHeadersPolicy: {
        Type: 'AWS::CloudFront::ResponseHeadersPolicy',
        Properties: { ResponseHeadersPolicyConfig: { SecurityHeadersConfig: headers } },
      },
      Assets: { Type: 'AWS::CloudFront::CachePolicy', Properties: { CachePolicyConfig: { MaxTTL: 31536000 } } },
      Pages: { Type: 'AWS::CloudFront::CachePolicy', Properties: { CachePolicyConfig: { MaxTTL: 0 } } },
      SiteDistribution: {
        Type: 'AWS::CloudFront::Distribution',
        Properties: {
          DistributionConfig: {
            Origins: [
              {
                Id: 'site',
                DomainName: { 'Fn::GetAtt': ['SiteBucket', 'RegionalDomainName'] },
                OriginAccessControlId: { 'Fn::GetAtt': ['Oac', 'Id'] },
                S3OriginConfig: { OriginAccessIdentity: '' },
              },
            ],
            DefaultCacheBehavior: behavior({ CachePolicyId: { Ref: 'Pages' } }),
            CacheBehaviors: [behavior({ PathPattern: 'static/*', CachePolicyId: { Ref: 'Assets' } })],
          },
        },
      },
      HttpApi: {
        Type: 'AWS::ApiGatewayV2::Api',
        Properties: { CorsConfiguration: { AllowOrigins: ['https://gjj.example.gov.cn'] } },
      },
    },
  }
}

const failed = (t: Template) =>
  siteChecks(t)
    .filter((c) => !c.ok)
    .map((c) => c.what)

// biome-ignore lint/suspicious/noExplicitAny: the tests break the template's nested JSON freely
type Any = Record<string, any>
const props = (t: Template, name: string) => t.Resources[name]?.Properties as Any

describe('the template check of the static site', () => {
  test('passes the site as serverless.yml declares it', async () => {
    expect(failed(await goodTemplate())).toEqual([])
  })

  test.each([
    [
      'a public site bucket',
      (t: Template) => (props(t, 'SiteBucket').PublicAccessBlockConfiguration.BlockPublicPolicy = false),
      'site bucket blocks all public access',
    ],
    [
      'a website-hosting bucket',
      (t: Template) => (props(t, 'SiteBucket').WebsiteConfiguration = { IndexDocument: 'index.html' }),
      'site bucket is not a public website endpoint',
    ],
    [
      'a policy letting anyone read',
      (t: Template) =>
        props(t, 'SiteBucketPolicy').PolicyDocument.Statement.push({
          Effect: 'Allow',
          Principal: '*',
          Action: 's3:GetObject',
        }),
      'site bucket policy lets only the distribution read',
    ],
    [
      'no origin access control',
      (t: Template) => delete props(t, 'SiteDistribution').DistributionConfig.Origins[0].OriginAccessControlId,
      'the distribution reads the bucket through origin access control',
    ],
    [
      'a distribution allowing HTTP',
      (t: Template) =>
        (props(t, 'SiteDistribution').DistributionConfig.CacheBehaviors[0].ViewerProtocolPolicy = 'allow-all'),
      'the distribution never serves HTTP',
    ],
    [
      'a missing CSP',
      (t: Template) =>
        delete props(t, 'SiteHeadersPolicy').ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy,
      'a Content-Security-Policy header',
    ],
    [
      'a behavior without the headers policy',
      (t: Template) =>
        delete props(t, 'SiteDistribution').DistributionConfig.DefaultCacheBehavior.ResponseHeadersPolicyId,
      'every behavior sends the security headers policy',
    ],
    [
      'pages cached at the edge',
      (t: Template) => (props(t, 'Pages').CachePolicyConfig.MaxTTL = 86400),
      'pages (the default behavior) are never cached at the edge',
    ],
    [
      'CORS open to every origin',
      (t: Template) => (props(t, 'HttpApi').CorsConfiguration.AllowOrigins = ['*']),
      "the API's CORS allows exactly the site's HTTPS origin",
    ],
    [
      'no distribution at all',
      (t: Template) => delete t.Resources.SiteDistribution,
      'a CloudFront distribution for the static site',
    ],
  ])('fails for %s', async (_name, breakIt, message) => {
    const t = await goodTemplate()
    breakIt(t)
    expect(failed(t).some((f) => f.startsWith(message))).toBe(true)
  })
})
