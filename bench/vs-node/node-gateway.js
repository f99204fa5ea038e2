'use strict'

// Starts the Node.js gateway (tetherto/miningos-app-node, a checkout with its node_modules) for bench/vs-node.sh,
// in this process as its worker.js would (`--wtype wrk-node-http --env production --port P`), with two
// differences a benchmark needs and a site does not:
//  - every HyperDHT node it creates uses --bootstrap (the loopback test network of bench/vs-node/ork-peer.js)
//    instead of the public bootstrap nodes: its net facility has no bootstrap option;
//  - it writes a token of the super admin (--email) to --token-file, made the way the gateway's own integration
//    tests make one (an auth handler that names the user, then the auth facility's authCallbackHandler, as a
//    Google sign-in ends), and a fresh one every 60 s: in JWT mode a token lives at most the auth config's ttl.
//
// Usage: node node-gateway.js --app DIR --root WORKDIR --port P --bootstrap HOST:PORT[,...] --email E --token-file F
// WORKDIR holds config/ (common.json, facs/*.config.json), and gets db/, status/, store/ and a `workers` link to
// the checkout's workers. Stops on SIGTERM/SIGINT.

const fs = require('fs')
const path = require('path')
const Module = require('module')

const args = {}
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1]
for (const required of ['app', 'root', 'port', 'bootstrap', 'email', 'token-file']) {
  if (!args[required]) throw new Error(`--${required} is required`)
}
const app = path.resolve(args.app)
const root = path.resolve(args.root)
const bootstrap = args.bootstrap.split(',')
const tokenFile = path.resolve(args['token-file'])

const load = Module._load
const patched = new Map()
Module._load = function (request) {
  const exported = load.apply(this, arguments)
  if (request !== 'hyperdht') return exported
  if (!patched.has(exported)) {
    patched.set(exported, class extends exported {
      constructor (opts = {}) {
        super({ ...opts, bootstrap })
      }
    })
  }
  return patched.get(exported)
}

for (const dir of ['db', 'status', 'store']) fs.mkdirSync(path.join(root, dir), { recursive: true })
const workers = path.join(root, 'workers')
if (!fs.existsSync(workers)) fs.symlinkSync(path.join(app, 'workers'), workers)
process.chdir(root)

const boot = require(path.join(app, 'node_modules/@bitfinex/bfx-svc-boot-js/lib/worker.js'))
const worker = boot({ wtype: 'wrk-node-http', env: 'production', port: Number(args.port), serviceRoot: root })

async function writeToken () {
  const auth = worker.auth_a0
  if (!auth || !worker.authLib) return false
  auth.addHandlers({ bench: () => ({ email: args.email }) })
  const token = await auth.authCallbackHandler('bench', { socket: { remoteAddress: '127.0.0.1' }, headers: {} })
  const file = tokenFile
  fs.writeFileSync(file + '.tmp', typeof token === 'string' ? token : token.token)
  fs.renameSync(file + '.tmp', file)
  return true
}

let tries = 0
const tokenTimer = setInterval(async () => {
  tries++
  try {
    if (await writeToken()) {
      clearInterval(tokenTimer)
      setInterval(() => writeToken().catch(err => console.error('token:', err.message)), 60000).unref()
    }
  } catch (err) {
    // the super admin exists once the gateway has started: try again, saying why now and then
    if (tries % 50 === 0) console.error('no token yet:', err.message)
  }
}, 20)

let stopping = false
const stop = () => {
  if (stopping) return
  stopping = true
  setTimeout(() => process.exit(0), 5000).unref()
  worker.stop(() => process.exit(0))
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
