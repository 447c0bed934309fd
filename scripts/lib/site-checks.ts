/**
 * What the packaged template must hold for the static site (issue 13), as checks: the site bucket
 * private (all public access blocked, no policy letting anyone but CloudFront in), the distribution
 * HTTPS only and reading the bucket through origin access control, every response with the
 * security headers (a CSP that forbids framing and inline scripts among them), hashed assets cached
 * long and pages not at all, and the API's CORS allowing exactly one origin that is not '*'.
 * scripts/check-template.ts prints them; site-checks.test.ts feeds it broken templates.
 */
type Resource = { Type: string; Properties?: Record<string, unknown> }
export type Template = { Resources: Record<string, Resource> }
export type Check = { ok: boolean; what: string }

const ofType = (t: Template, type: string) => Object.entries(t.Resources).filter(([, r]) => r.Type === type)
const refName = (v: unknown) => (v as { Ref?: string } | undefined)?.Ref
const json = (v: unknown) => JSON.stringify(v ?? null)

export function siteChecks(t: Template): Check[] {
  const out: Check[] = []
  const check = (ok: unknown, what: string) => out.push({ ok: Boolean(ok), what })

  const dist = ofType(t, 'AWS::CloudFront::Distribution')[0]
  check(dist, 'a CloudFront distribution for the static site')
  const config = (dist?.[1].Properties?.DistributionConfig ?? {}) as Record<string, unknown>
  const origins = (config.Origins ?? []) as Record<string, unknown>[]
  const siteOrigin = origins[0]
  const bucketName = ((siteOrigin?.DomainName as { 'Fn::GetAtt'?: [string, string] } | undefined)?.['Fn::GetAtt'] ??
    [])[0]
  const bucket = bucketName ? t.Resources[bucketName] : undefined
  check(bucket?.Type === 'AWS::S3::Bucket', 'the distribution serves an S3 bucket (its REST endpoint)')
  check(
    origins.length > 0 && origins.every((o) => o.OriginAccessControlId && !o.CustomOriginConfig),
    'the distribution reads the bucket through origin access control',
  )
  const block = (bucket?.Properties?.PublicAccessBlockConfiguration ?? {}) as Record<string, boolean>
  check(
    ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'].every(
      (k) => block[k] === true,
    ),
    'site bucket blocks all public access',
  )
  check(!bucket?.Properties?.WebsiteConfiguration, 'site bucket is not a public website endpoint')
  const policies = ofType(t, 'AWS::S3::BucketPolicy').filter(([, p]) => refName(p.Properties?.Bucket) === bucketName)
  const statements = policies.flatMap(
    ([, p]) =>
      ((p.Properties?.PolicyDocument as { Statement?: unknown[] } | undefined)?.Statement ?? []) as Record<
        string,
        unknown
      >[],
  )
  const allows = statements.filter((s) => s.Effect === 'Allow')
  check(
    allows.every((s) => json(s.Principal) === json({ Service: 'cloudfront.amazonaws.com' }) && s.Condition),
    'site bucket policy lets only the distribution read (CloudFront service principal, conditioned on its ARN)',
  )

  const behaviors = [
    config.DefaultCacheBehavior as Record<string, unknown> | undefined,
    ...((config.CacheBehaviors ?? []) as Record<string, unknown>[]),
  ].filter((b): b is Record<string, unknown> => Boolean(b))
  check(behaviors.length > 0, 'the distribution has cache behaviors')
  check(
    behaviors.every((b) => b.ViewerProtocolPolicy === 'redirect-to-https' || b.ViewerProtocolPolicy === 'https-only'),
    'the distribution never serves HTTP (every behavior redirect-to-https or https-only)',
  )
  const headerPolicies = behaviors.map((b) => t.Resources[refName(b.ResponseHeadersPolicyId) ?? ''])
  check(
    headerPolicies.every((p) => p?.Type === 'AWS::CloudFront::ResponseHeadersPolicy'),
    'every behavior sends the security headers policy',
  )
  for (const p of new Set(headerPolicies)) {
    const sec = ((p?.Properties?.ResponseHeadersPolicyConfig as Record<string, unknown> | undefined)
      ?.SecurityHeadersConfig ?? {}) as Record<string, Record<string, unknown> | undefined>
    const csp = json(sec.ContentSecurityPolicy?.ContentSecurityPolicy)
    check(sec.ContentSecurityPolicy && csp.includes('default-src'), 'a Content-Security-Policy header')
    check(csp.includes("frame-ancestors 'none'"), "the CSP forbids framing (frame-ancestors 'none')")
    check(
      csp.includes("script-src 'self'") && !/script-src[^;]*unsafe-inline/.test(csp),
      "the CSP allows scripts from the site only (no 'unsafe-inline')",
    )
    check(Number(sec.StrictTransportSecurity?.AccessControlMaxAgeSec) >= 31536000, 'HSTS for at least a year')
    check(sec.FrameOptions?.FrameOption === 'DENY', 'X-Frame-Options: DENY')
    check(sec.ContentTypeOptions, 'X-Content-Type-Options: nosniff')
    check(sec.ReferrerPolicy?.ReferrerPolicy, 'a Referrer-Policy')
  }
  const ttl = (b: Record<string, unknown> | undefined): Record<string, number> =>
    (t.Resources[refName(b?.CachePolicyId) ?? '']?.Properties?.CachePolicyConfig ?? {}) as Record<string, number>
  const assets = behaviors.find((b) => b.PathPattern === 'static/*')
  check(assets && Number(ttl(assets).MaxTTL) >= 31536000, 'hashed assets (static/*) may be cached a year')
  check(Number(ttl(behaviors[0]).MaxTTL ?? -1) === 0, 'pages (the default behavior) are never cached at the edge')

  const apis = ofType(t, 'AWS::ApiGatewayV2::Api')
  const allowed = apis.flatMap(
    ([, a]) =>
      ((a.Properties?.CorsConfiguration as { AllowOrigins?: unknown[] } | undefined)?.AllowOrigins ?? []) as unknown[],
  )
  check(
    apis.length > 0 && allowed.length === 1 && allowed[0] !== '*' && /^https:\/\//.test(String(allowed[0])),
    `the API's CORS allows exactly the site's HTTPS origin (${allowed.map(String).join(', ')})`,
  )
  return out
}
