'use strict'

// Test harness: a HyperDHT test network on loopback plus one ORK-like @hyperswarm/rpc server peer, set up the
// way a MiningOS ORK sets up its RPC server: a firewall that admits only the keys on its allow lists
// (allow + allowReadOnly), `echo` answered raw, every other method behind a reply wrapper that parses the JSON
// request, JSON-encodes the result, and turns a handler error into the JSON string "[HRPC_ERR]=<message>",
// and write methods refused to read-only peers outside that wrapper (so they fail at the RPC level).
//
// Usage: node harness.js [--allow HEX]... [--allow-read-only HEX]... [--hang METHOD]... [--nodes N]
// Prints one JSON line on stdout when ready: {"bootstrap":["127.0.0.1:PORT",...],"serverKey":"HEX"}.
// Logs to stderr. Stops when stdin ends (so it dies with the test JVM) or on SIGTERM/SIGINT.

const createTestnet = require('@hyperswarm/testnet')
const RPC = require('@hyperswarm/rpc')
const DHT = require('hyperdht')

function log (message) {
  process.stderr.write(`hrpc-test-network: ${message}\n`)
}

function parseArgs (argv) {
  const args = { allow: [], allowReadOnly: [], hang: [], nodes: 3 }
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1]
    switch (argv[i]) {
      case '--allow': args.allow.push(hexKey(value)); i++; break
      case '--allow-read-only': args.allowReadOnly.push(hexKey(value)); i++; break
      case '--hang': args.hang.push(value); i++; break
      case '--nodes': args.nodes = Number(value); i++; break
      default: throw new Error(`unknown argument ${argv[i]}`)
    }
  }
  return args
}

function hexKey (value) {
  if (!/^[0-9a-f]{64}$/.test(value || '')) throw new Error(`not a 64-hex-char key: ${value}`)
  return value
}

// ---- what the fake ORK answers ----------------------------------------------------------------------------

const THINGS = [
  {
    id: 'a3f1c2d4-5b6e-4f70-8a9b-0c1d2e3f4a5b',
    code: 'AM-S21-0001',
    type: 'miner-am-s21',
    tags: ['t-miner', 'site-north-field'],
    info: { container: 'bitdeer-7b', pos: '1-2_a3', serialNum: 'JYZZB4KBCJHJG0533', macAddress: 'd4:a8:1e:33:91:02' },
    rack: 'miner-am-s21-shelf-1',
    address: '10.182.0.21',
    port: 80
  },
  {
    id: 'b4e2d3c5-6c7f-4081-9bac-1d2e3f4a5b6c',
    code: 'WM-M56S-0002',
    type: 'miner-wm-m56s',
    tags: ['t-miner', 'site-north-field'],
    info: { container: 'bitdeer-7b', pos: '2-1_7', serialNum: 'HTM56S2310020044', macAddress: 'c8:1f:66:02:aa:10' },
    rack: 'miner-wm-m56s-shelf-2',
    address: '10.182.0.22',
    port: 4028
  }
]

const RACKS = [
  { id: 'miner-am-s21-shelf-1', type: 'miner-am-s21', info: {} },
  { id: 'miner-wm-m56s-shelf-2', type: 'miner-wm-m56s', info: {} }
]

const GLOBAL_CONFIG = {
  aggrTailLogTimezones: [{ code: 'UTC', offset: 0 }],
  nominalSiteHashrate_MHS: 709032000000,
  nominalSiteMinerCapacity: 4232,
  nominalSiteWeightedAvgEfficiency: 28.36,
  nominalAvailablePowerMWh: 22.5,
  isAutoSleepAllowed: false
}

let nextActionId = 1718036711905

const METHODS = [
  { name: 'listThings', op: 'r', handler: req => (req.limit ? THINGS.slice(0, req.limit) : THINGS) },
  { name: 'listRacks', op: 'r', handler: () => RACKS },
  { name: 'getGlobalConfig', op: 'r', handler: () => GLOBAL_CONFIG },
  {
    name: 'getAction',
    op: 'r',
    handler: () => { throw new Error('ERR_ACTION_ID_NOT_FOUND') }
  },
  {
    name: 'pushAction',
    op: 'w',
    handler: req => {
      if (typeof req.action !== 'string' || req.action === '') throw new Error('ERR_ACTION_INVALID')
      return { id: nextActionId++, errors: [] }
    }
  },
  { name: 'tailLog', op: 'r', handler: () => [] }
]

// The ORK's reply wrapper: JSON in, JSON out, handler errors as a successful "[HRPC_ERR]=..." string.
async function handleReply (handler, raw) {
  let req
  try {
    req = JSON.parse(raw.toString())
  } catch {
    return Buffer.from(JSON.stringify('[HRPC_ERR]=ERR_FACS_NET_DATA_FORMAT'))
  }
  try {
    return Buffer.from(JSON.stringify(await handler(req)))
  } catch (err) {
    return Buffer.from(JSON.stringify(`[HRPC_ERR]=${err.message}`))
  }
}

function never () {
  return new Promise(() => {})
}

// ---- network ----------------------------------------------------------------------------------------------

async function main () {
  const args = parseArgs(process.argv.slice(2))
  const testnet = await createTestnet(args.nodes, { host: '127.0.0.1' })

  const serverKeyPair = DHT.keyPair()
  // Reachable directly, like an ORK on a host with a public address: two firewalled peers on loopback would
  // have to hole-punch, which fails there often enough to make tests flaky.
  const dht = testnet.createNode({ keyPair: serverKeyPair, firewalled: false })
  const rpc = new RPC({ dht, keyPair: serverKeyPair })

  const allowed = [...args.allow, ...args.allowReadOnly]
  const server = rpc.createServer({
    // true means "reject", as in hyperdht; with no allow list at all every peer is admitted, as on an ORK.
    firewall: remotePublicKey => {
      const refused = allowed.length > 0 && !allowed.includes(remotePublicKey.toString('hex'))
      if (refused) log(`refused peer ${remotePublicKey.toString('hex')}`)
      return refused
    }
  })

  server.respond('echo', args.hang.includes('echo') ? never : x => x)
  for (const method of METHODS) {
    server.respond(method.name, async (raw, connection) => {
      if (args.hang.includes(method.name)) return never()
      const remoteKey = connection.stream.remotePublicKey.toString('hex')
      if (method.op === 'w' && args.allowReadOnly.includes(remoteKey)) {
        throw new Error('ERR_MISSING_WRITE_PERMISSIONS')
      }
      return handleReply(method.handler, raw)
    })
  }
  await server.listen()

  const bootstrap = testnet.bootstrap.map(node => `${node.host}:${node.port}`)
  process.stdout.write(JSON.stringify({ bootstrap, serverKey: server.publicKey.toString('hex') }) + '\n')
  log(`ready: ${args.nodes} DHT nodes, bootstrap ${bootstrap.join(',')}, ` +
    `allow ${args.allow.length}, allow-read-only ${args.allowReadOnly.length}, hanging ${args.hang.join(',') || 'none'}`)

  let stopping = false
  const stop = async (reason) => {
    if (stopping) return
    stopping = true
    log(`stopping: ${reason}`)
    setTimeout(() => process.exit(0), 3000).unref()
    await server.close()
    await rpc.destroy({ force: true })
    await testnet.destroy()
    process.exit(0)
  }
  process.stdin.on('end', () => stop('stdin closed'))
  process.stdin.resume()
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}

main().catch(err => {
  log(`failed: ${err.stack || err}`)
  process.exit(1)
})
