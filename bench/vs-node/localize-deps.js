'use strict'

// Prepares a checkout of the Node.js gateway (tetherto/miningos-app-node) for `npm install` on a machine that
// reaches the npm registry but not GitHub (bench/README.md, "vs-node.sh"): its GitHub-only dependencies, cloned
// by hand into DEPS (one folder per repository, named as the repository), become file: dependencies, in the
// checkout's package.json and in every cloned dependency's (devDependencies dropped: only the gateway is run).
// Where a clone is older than the release the gateway's package-lock pins, it adds what the gateway needs of
// that release, and says so:
//  - bfx-wrk-base: facility names of scoped packages (@tetherto/hp-svc-facs-store -> store_s0);
//  - bfx-facs-base: Facility._getConfPath (svc-facs-logging calls it).
//
// Usage: node localize-deps.js CHECKOUT DEPS

const fs = require('fs')
const path = require('path')

const [checkout, depsArg] = process.argv.slice(2)
if (!checkout || !depsArg) throw new Error('usage: node localize-deps.js CHECKOUT DEPS')
const deps = path.resolve(depsArg)

// package name -> repository (folder in DEPS)
const LOCAL = {
  '@bitfinex/bfx-facs-base': 'bfx-facs-base',
  'bfx-facs-base': 'bfx-facs-base',
  '@bitfinex/bfx-facs-db-sqlite': 'bfx-facs-db-sqlite',
  '@bitfinex/bfx-facs-http': 'bfx-facs-http',
  '@bitfinex/bfx-facs-interval': 'bfx-facs-interval',
  '@bitfinex/bfx-facs-lru': 'bfx-facs-lru',
  '@bitfinex/lib-js-util-base': 'lib-js-util-base',
  '@bitfinexcom/lib-js-util-base': 'lib-js-util-base',
  '@bitfinex/bfx-svc-boot-js': 'bfx-svc-boot-js',
  '@bitfinex/bfx-wrk-base': 'bfx-wrk-base',
  '@tetherto/hp-svc-facs-net': 'hp-svc-facs-net',
  '@tetherto/hp-svc-facs-store': 'hp-svc-facs-store',
  '@tetherto/svc-facs-auth': 'svc-facs-auth',
  '@tetherto/svc-facs-httpd': 'svc-facs-httpd',
  '@tetherto/svc-facs-httpd-oauth2': 'svc-facs-httpd-oauth2',
  '@tetherto/svc-facs-logging': 'svc-facs-logging',
  '@tetherto/tether-wrk-base': 'tether-wrk-base'
}

function localize (file) {
  const pkg = JSON.parse(fs.readFileSync(file, 'utf8'))
  delete pkg.devDependencies
  for (const name of Object.keys(pkg.dependencies || {})) {
    if (!LOCAL[name]) continue
    const dir = path.join(deps, LOCAL[name])
    if (!fs.existsSync(path.join(dir, 'package.json'))) throw new Error(`${name}: no clone in ${dir}`)
    pkg.dependencies[name] = `file:${dir}`
  }
  for (const name of Object.keys(pkg.overrides || {})) if (LOCAL[name]) delete pkg.overrides[name]
  fs.writeFileSync(file, JSON.stringify(pkg, null, 2) + '\n')
}

function patch (file, marker, from, to, why) {
  if (!fs.existsSync(file)) return
  const source = fs.readFileSync(file, 'utf8')
  if (source.includes(marker)) return
  if (!source.includes(from)) throw new Error(`${file}: neither the release's code nor the expected older code`)
  fs.writeFileSync(file, source.replace(from, to))
  console.log(`patched ${file}: ${why}`)
}

for (const dir of fs.readdirSync(deps)) {
  const file = path.join(deps, dir, 'package.json')
  if (fs.existsSync(file)) localize(file)
}
localize(path.join(checkout, 'package.json'))
const lock = path.join(checkout, 'package-lock.json')
if (fs.existsSync(lock)) fs.renameSync(lock, lock + '.github') // pins git+ssh URLs npm cannot reach here

patch(path.join(deps, 'bfx-wrk-base', 'base.js'), "replace(/^@[^/]+\\//, '')",
  "return name.replace(/[a-z-]*facs-/, '')",
  "return name.replace(/^@[^/]+\\//, '').replace(/[a-z-]*facs-/, '')",
  'facility names of scoped packages, as bfx-wrk-base 1.1.0 makes them')
patch(path.join(deps, 'bfx-facs-base', 'base.js'), '_getConfPath ()',
  `  init () {
    if (this._hasConf) {
      const cal = this.caller

      const fprefix = this.ctx.env
      const dirname = path.join(cal.ctx.root, 'config', 'facs')

      let confPath = path.join(dirname, \`\${this.name}.config.json\`)
      const envConfPath = path.join(dirname, \`\${fprefix}.\${this.name}.config.json\`)
      if (fprefix && fs.existsSync(envConfPath)) {
        confPath = envConfPath
      }
`,
  `  _getConfPath () {
    const fprefix = this.ctx.env
    const dirname = path.join(this.caller.ctx.root, 'config', 'facs')
    const confPath = path.join(dirname, \`\${this.name}.config.json\`)
    const envConfPath = path.join(dirname, \`\${fprefix}.\${this.name}.config.json\`)
    return fprefix && fs.existsSync(envConfPath) ? envConfPath : confPath
  }

  init () {
    if (this._hasConf) {
      const confPath = this._getConfPath()
`,
  'Facility._getConfPath, as bfx-facs-base 1.1.0 has it (svc-facs-logging calls it)')
