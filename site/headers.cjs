// The static site's security headers, defined once (issue 13): serverless.yml's CloudFront
// ResponseHeadersPolicy (`${file(./site/headers.cjs):cloudFront}`) and the local stack's static
// server (scripts/lib/services.ts serveWeb) both build theirs from here. CommonJS because the
// serverless framework loads variable files with require().
//
// An origin is a string ('https://api.example.cn') or, in the template, a CloudFormation value
// ({ 'Fn::GetAtt': […] }); the policy is then a Fn::Join of its parts.

/** how long browsers keep to HTTPS (2 years) */
const HSTS_SECONDS = 63072000

/**
 * The Content-Security-Policy as parts: scripts from the site only (the H5 build's inline boot
 * script is moved to a file at build time, decision 63); styles from the site plus inline style
 * attributes (Taro and NutUI set element styles); the API for XHR, and the page's own blob:/data:
 * files (an upload is read with an XHR first); the archive bucket for uploads
 * (presigned POST), archive images and PDFs (the viewer's <img>/<iframe>); public images (news
 * covers) from `publicImages`; no plugins; the site never framed.
 */
function cspParts({ api, archive, publicImages = [] }) {
  const sp = (list) => list.flatMap((o) => [' ', o])
  return [
    "default-src 'self'",
    "; script-src 'self'",
    "; style-src 'self' 'unsafe-inline'",
    "; img-src 'self' data: blob:",
    ...sp(archive),
    ...sp(publicImages),
    "; font-src 'self' data:",
    // blob:/data: — Taro's H5 uploadFile reads the chosen file (a blob: URL, or a data: URL after a
    // picture is redrawn on a canvas) with an XHR before posting it to the bucket
    "; connect-src 'self' blob: data:",
    ...sp(api),
    ...sp(archive),
    '; frame-src',
    ...sp(archive),
    "; object-src 'none'",
    "; base-uri 'self'",
    "; form-action 'self'",
    "; frame-ancestors 'none'",
  ]
}

/** the policy as one string (every origin a string) */
function contentSecurityPolicy(origins) {
  return cspParts(origins).join('')
}

/** the headers every response of the site carries, as the local static server sends them */
function securityHeaders(origins) {
  return {
    'Strict-Transport-Security': `max-age=${HSTS_SECONDS}; includeSubDomains`,
    'Content-Security-Policy': contentSecurityPolicy(origins),
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
  }
}

/**
 * Cache-Control of a built file: an asset under static/ with a content hash in its name
 * (name.1a2b3c4d.js) a year, immutable; everything else (the pages, unhashed images) revalidated
 */
function cacheControlOf(key) {
  return /^static\/.+\.[0-9a-f]{8}\.[a-z0-9]+$/.test(key) ? 'public, max-age=31536000, immutable' : 'no-cache'
}

/**
 * serverless.yml: the ResponseHeadersPolicy's SecurityHeadersConfig, the API being the HTTP API's
 * endpoint and the archive bucket's regional address (+ the public images' base, if configured).
 */
function cloudFront({ resolveVariable }) {
  return Promise.resolve(resolveVariable('param:publicBaseUrl')).then((publicBaseUrl) => {
    const api = [{ 'Fn::GetAtt': ['HttpApi', 'ApiEndpoint'] }]
    const archive = [{ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': ['Bucket', 'RegionalDomainName'] }]] }]
    const publicImages = publicBaseUrl ? [publicBaseUrl] : []
    return {
      StrictTransportSecurity: {
        AccessControlMaxAgeSec: HSTS_SECONDS,
        IncludeSubdomains: true,
        Override: true,
      },
      ContentSecurityPolicy: {
        ContentSecurityPolicy: { 'Fn::Join': ['', cspParts({ api, archive, publicImages })] },
        Override: true,
      },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ContentTypeOptions: { Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true },
    }
  })
}

module.exports = { HSTS_SECONDS, cspParts, contentSecurityPolicy, securityHeaders, cacheControlOf, cloudFront }
