// esbuild plugins for the Lambda bundles (serverless.yml custom.esbuild.plugins; scripts/lib/bundles.ts
// builds the bench's and the size test's bundles with the same list). Decision 87.
const { readFile } = require('node:fs/promises')
const ts = require('typescript')

/**
 * The contract's modules (shared/src/api/*.ts and shared/src/**\/*-schemas.ts) build their schemas
 * at the top level. A function uses one operation, but importing its module would build every
 * schema of that module and of the modules it imports (submitApplication's imports built 375 zod
 * objects, 20 of which it uses: ~20 ms of a cold start). esbuild drops an unused top-level
 * constant only when it can tell that computing it has no side effects, which it cannot for a call
 * into another module. Building a schema has none, so this plugin marks every call evaluated in a
 * top-level `const` initializer of those modules `/* @__PURE__ *\/` as it loads them: what the
 * function does not use is neither bundled nor built. The source files stay as they are.
 */
const CONTRACT_MODULE = /[\\/]shared[\\/]src[\\/](api[\\/][^\\/]+|.+-schemas)\.ts$/

/** positions of the calls evaluated when the module's top-level constants are initialised */
function topLevelCalls(source, fileName) {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
  const at = new Set()
  const visit = (node) => {
    // a function's body runs when it is called, not when the module loads
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) at.add(node.getStart(file))
    ts.forEachChild(node, visit)
  }
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue
    if (!(statement.declarationList.flags & ts.NodeFlags.Const)) continue
    for (const declaration of statement.declarationList.declarations) {
      if (declaration.initializer) visit(declaration.initializer)
    }
  }
  return [...at].sort((a, b) => b - a)
}

function markPure(source, fileName) {
  let out = source
  for (const position of topLevelCalls(source, fileName)) {
    out = `${out.slice(0, position)}/* @__PURE__ */ ${out.slice(position)}`
  }
  return out
}

const pureSchemas = {
  name: 'pure-schemas',
  setup(build) {
    build.onLoad({ filter: CONTRACT_MODULE }, async (args) => ({
      contents: markPure(await readFile(args.path, 'utf8'), args.path),
      loader: 'ts',
    }))
  },
}

module.exports = [pureSchemas]
module.exports.markPure = markPure
