import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'

// The shared workspace package is TypeScript source; Taro does not compile node_modules, so it is
// named here by its real path.
const sharedSrc = path.resolve(__dirname, '..', '..', 'shared', 'src')

// npm workspaces leave a few Taro packages (plugin-framework-react) in miniapp/node_modules while
// Taro's own runtime is hoisted to the root: let webpack look in both.
const resolveWorkspace = (chain: { resolve: { modules: { add(p: string): unknown } } }) => {
  chain.resolve.modules.add(path.resolve(__dirname, '..', 'node_modules'))
  chain.resolve.modules.add('node_modules')
}

export default defineConfig<'webpack5'>(async () => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'gjj',
    date: '2026-11-29',
    designWidth: 375,
    deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: process.env.GJJ_OUTPUT_ROOT ?? `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {
      // where the API is: the local stack passes http://127.0.0.1:<port>; a release build gets the
      // deployed HTTPS API address
      __API_URL__: JSON.stringify(process.env.TARO_APP_API_URL ?? ''),
    },
    alias: { '@': path.resolve(__dirname, '..', 'src') },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      compile: { include: [sharedSrc] },
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      optimizeMainPackage: { enable: true },
      webpackChain: resolveWorkspace,
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      webpackChain: (chain) => {
        resolveWorkspace(chain)
        // Taro's H5 API imports the whatwg-fetch polyfill, which installs itself only where fetch is
        // missing: every browser of our targets (package.json browserslist: Chrome 70, Safari 12)
        // has it, so it is left out of the first screen's scripts (decision 86)
        chain.resolve.alias.set('whatwg-fetch$', path.resolve(__dirname, 'no-polyfill.js'))
      },
      compile: { include: [sharedSrc] },
      // every script and stylesheet under static/ with its content hash in the name: the site serves
      // static/ a year, immutable, and the pages never cached (site/headers.cjs cacheControlOf)
      output: {
        filename: 'static/js/[name].[contenthash:8].js',
        chunkFilename: 'static/js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'static/css/[name].[contenthash:8].css',
        chunkFilename: 'static/css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  }
  return config
})
