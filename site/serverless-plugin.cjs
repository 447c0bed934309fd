// A local serverless plugin (serverless.yml `plugins`): after `serverless deploy` it publishes the
// static site — the H5 app and the review console — built for the API just deployed, to the site
// bucket behind CloudFront (site/publish.ts does the work; this file only hands it the stack's
// outputs). `serverless package` and the local stage are untouched. `--param="skipSite=true"`
// deploys without publishing.
const { spawnSync } = require('node:child_process')
const { join } = require('node:path')

class PublishSite {
  constructor(serverless, options) {
    this.serverless = serverless
    this.options = options
    this.hooks = { 'after:deploy:deploy': () => this.publish() }
  }

  async publish() {
    const provider = this.serverless.getProvider('aws')
    const stage = provider.getStage()
    if (stage === 'local') return
    const stackName = provider.naming.getStackName()
    const out = await provider.request('CloudFormation', 'describeStacks', { StackName: stackName })
    const outputs = Object.fromEntries((out.Stacks?.[0]?.Outputs ?? []).map((o) => [o.OutputKey, o.OutputValue]))
    const bucket = outputs.SiteBucketName
    const apiUrl = outputs.HttpApiUrl
    if (!bucket || !apiUrl) throw new Error(`stack ${stackName} has no SiteBucketName / HttpApiUrl output`)
    const root = this.serverless.serviceDir
    const result = spawnSync(
      join(root, 'node_modules', '.bin', 'tsx'),
      [join(root, 'site', 'publish.ts'), '--bucket', bucket, '--api', apiUrl, '--region', provider.getRegion()],
      { cwd: root, stdio: 'inherit', env: process.env },
    )
    if (result.status !== 0) throw new Error('publishing the static site failed (see above)')
    this.serverless.cli.log(
      `static site: https://${outputs.SiteDistributionDomain}/ (console: /admin/), ${outputs.SiteUrl}`,
    )
  }
}

module.exports = PublishSite
