'use strict'

// The ORK of bench/vs-node.sh: a HyperDHT test network on loopback and one ORK-like @hyperswarm/rpc peer that
// answers as bench/fixture's "bench-fixed" transport does, so that the Node.js gateway and ours read the same
// data over the same RPC: listThings with --things generated miners, tailLog with `limit` 5-minute entries (at most
// 288), getThingsCount with the count, echo with its request, every other ORK method with [] (ORK.md's reply
// wrapper: JSON in, JSON out, errors as "[HRPC_ERR]=..."). It borrows the modules of the hrpc test network that
// the build leaves in adapters-ork/target/hrpc-test-network (--modules DIR).
//
// Usage: node ork-peer.js --modules DIR [--things N] [--nodes N]
// Prints one JSON line on stdout when ready: {"bootstrap":["127.0.0.1:PORT",...],"serverKey":"HEX"}.
// Stops when stdin ends or on SIGTERM/SIGINT.

const path = require('path')
const { createRequire } = require('module')

const args = { modules: null, things: 100, nodes: 3, orkId: 'cluster-1' }
for (let i = 2; i < process.argv.length; i += 2) {
  const key = process.argv[i].replace(/^--/, '')
  if (!(key in args)) throw new Error(`unknown argument ${process.argv[i]}`)
  args[key] = key === 'modules' || key === 'orkId' ? process.argv[i + 1] : Number(process.argv[i + 1])
}
if (!args.modules) throw new Error('--modules DIR (the hrpc test network with its node_modules) is required')
const load = createRequire(path.join(path.resolve(args.modules), 'package.json'))
const createTestnet = load('@hyperswarm/testnet')
const RPC = load('@hyperswarm/rpc')
const DHT = load('hyperdht')

const MAX_LOG_ENTRIES = 288

// Same miners as FixedSiteTransportProvider.listThings, so both gateways carry the same bytes.
function listThings (orkId, count) {
  const things = []
  for (let i = 0; i < count; i++) {
    const id = `${orkId}-miner-${i}`
    things.push({
      id,
      tags: ['t-miner-am-s21', 't-miner', 'antminer', `id-${id}`, `container-bitdeer-${Math.floor(i / 100)}`, `pos-${i % 100}`],
      last: { snap: { stats: { power_w: 3200 + i % 150 } } }
    })
  }
  return Buffer.from(JSON.stringify(things))
}

// Same entries as FixedSiteTransportProvider.tailLog: one aggregated entry per 5 minutes, newest last.
function tailLog (entries) {
  const end = 1718035200000
  const parts = []
  for (let i = 0; i < entries; i++) {
    parts.push(`{"ts":${end - (entries - 1 - i) * 300000},"aggrTsRange":"","aggrCount":4,"aggrIntervals":1,` +
      `"hashrate_mhs_1m_sum_aggr":${47310220514 + 7919 * i}.${i % 10}}`)
  }
  return Buffer.from(`[${parts.join(',')}]`)
}

const THINGS = listThings(args.orkId, args.things)
const TAIL_LOGS = Array.from({ length: MAX_LOG_ENTRIES + 1 }, (_, n) => tailLog(n))
const EMPTY = Buffer.from('[]')

function limitOf (request) {
  const limit = Number(request && request.limit)
  return Number.isInteger(limit) && limit >= 0 ? Math.min(limit, MAX_LOG_ENTRIES) : MAX_LOG_ENTRIES
}

const METHODS = ['listRacks', 'getWrkExtData', 'getGlobalConfig', 'setGlobalConfig', 'getWrkSettings',
  'saveWrkSettings', 'getWrkConf', 'getThingConf', 'queryActions', 'getActionsBatch', 'getAction', 'tailLogMulti',
  'tailLogCustomRangeAggr', 'getHistoricalLogs']

async function main () {
  const testnet = await createTestnet(args.nodes, { host: '127.0.0.1' })
  const keyPair = DHT.keyPair()
  // Reachable directly, as the test network harness's peer is: two firewalled peers on loopback would hole-punch.
  const dht = testnet.createNode({ keyPair, firewalled: false })
  const rpc = new RPC({ dht, keyPair })
  const server = rpc.createServer()
  const reply = answer => raw => {
    let request
    try {
      request = JSON.parse(raw.toString())
    } catch {
      return Buffer.from(JSON.stringify('[HRPC_ERR]=ERR_FACS_NET_DATA_FORMAT'))
    }
    return answer(request)
  }
  server.respond('echo', x => x)
  server.respond('listThings', reply(() => THINGS))
  server.respond('tailLog', reply(request => TAIL_LOGS[limitOf(request)]))
  server.respond('getThingsCount', reply(() => Buffer.from(String(args.things))))
  for (const method of METHODS) server.respond(method, reply(() => EMPTY))
  await server.listen()

  const bootstrap = testnet.bootstrap.map(node => `${node.host}:${node.port}`)
  process.stdout.write(JSON.stringify({ bootstrap, serverKey: server.publicKey.toString('hex') }) + '\n')

  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    setTimeout(() => process.exit(0), 3000).unref()
    await server.close()
    await rpc.destroy({ force: true })
    await testnet.destroy()
    process.exit(0)
  }
  process.stdin.on('end', stop)
  process.stdin.resume()
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

main().catch(err => {
  process.stderr.write(`ork-peer: ${err.stack || err}\n`)
  process.exit(1)
})
