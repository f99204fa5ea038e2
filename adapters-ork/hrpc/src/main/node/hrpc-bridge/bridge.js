'use strict'

// The gateway's Hyperswarm RPC bridge: a child process of the Java gateway that reaches ORKs with the real
// @hyperswarm/rpc and hyperdht libraries. It speaks to its parent over stdin/stdout with length-prefixed
// frames and logs to stderr only (stdout carries frames and nothing else).
//
// Frame: u32be n | u32be h | header: h bytes of UTF-8 JSON | body: n - 4 - h raw bytes.
//
// Parent -> bridge
//   {op:'init', publicKey, secretKey}                 first frame: the gateway's client key pair (hex)
//   {op:'call', id, key, bootstrap, method, timeoutMs} + body: the request JSON bytes, sent untouched
// Bridge -> parent
//   {op:'ready', publicKey, node, versions}           after a good init
//   {op:'fatal', message}                             init failed; the bridge exits
//   {op:'result', id, ok:true} + body                 the ORK's answer bytes, untouched
//   {op:'result', id, ok:false, code, message}        code: TIMEOUT | UNREACHABLE | REMOTE_ERROR | BAD_CALL | INTERNAL
//
// The bridge exits when stdin ends, so it never outlives the gateway, even one killed with SIGKILL.

const MAX_FRAME = 128 * 1024 * 1024
const MAX_ANSWER = MAX_FRAME - 64 * 1024 // room for the header
const LINK_IDLE_MS = 60 * 1000
const SHUTDOWN_GRACE_MS = 3000

const EXIT_FATAL = 2
const EXIT_MISSING_DEPENDENCY = 3
const EXIT_CRASH = 70

function log (message) {
  process.stderr.write(`hrpc-bridge: ${message}\n`)
}

let RPC, DHT
try {
  RPC = require('@hyperswarm/rpc')
  DHT = require('hyperdht')
} catch (err) {
  log(`cannot load its npm dependencies (${err.code || ''} ${err.message.split('\n')[0]}); ` +
    'the installed bridge is incomplete: delete the hrpc-bridge folder in the data dir so the gateway extracts it again')
  process.exit(EXIT_MISSING_DEPENDENCY)
}

function packageVersion (name) {
  try {
    return require(`${name}/package.json`).version
  } catch {
    return 'unknown'
  }
}

// ---- framing ----------------------------------------------------------------------------------------------

function writeFrame (header, body) {
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8')
  const bodyBytes = body || Buffer.alloc(0)
  const prefix = Buffer.alloc(8)
  prefix.writeUInt32BE(4 + headerBytes.length + bodyBytes.length, 0)
  prefix.writeUInt32BE(headerBytes.length, 4)
  process.stdout.write(Buffer.concat([prefix, headerBytes, bodyBytes]))
}

class FrameReader {
  constructor (onframe) {
    this.onframe = onframe
    this.chunks = []
    this.buffered = 0
    this.needed = 0 // size of the frame being received, prefix included; 0 while its prefix is incomplete
  }

  push (chunk) {
    this.chunks.push(chunk)
    this.buffered += chunk.length
    for (;;) {
      if (this.needed === 0) {
        if (this.buffered < 4) return
        const length = this.joined().readUInt32BE(0)
        if (length < 4 || length > MAX_FRAME) throw new Error(`bad frame length ${length}`)
        this.needed = 4 + length
      }
      // Chunks are joined only once a whole frame is there, so a large frame costs one copy.
      if (this.buffered < this.needed) return
      const all = this.joined()
      const frame = all.subarray(0, this.needed)
      this.chunks = [all.subarray(this.needed)]
      this.buffered -= this.needed
      this.needed = 0
      const headerLength = frame.readUInt32BE(4)
      if (headerLength > frame.length - 8) throw new Error(`bad header length ${headerLength}`)
      const header = JSON.parse(frame.subarray(8, 8 + headerLength).toString('utf8'))
      this.onframe(header, frame.subarray(8 + headerLength))
    }
  }

  joined () {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks)]
    return this.chunks[0]
  }
}

// ---- ORK links --------------------------------------------------------------------------------------------

// One DHT node (and RPC instance) per distinct bootstrap list: ORKs on the public network share one, a site
// that runs its own DHT gets its own. All of them use the gateway's key pair, which is what an ORK's firewall
// checks: @hyperswarm/rpc connects with the DHT node's default key pair.
class Network {
  constructor (keyPair, bootstrap) {
    const options = { keyPair }
    if (bootstrap.length > 0) {
      options.bootstrap = bootstrap.map(parseHostPort)
      // A node bound to all interfaces cannot hole-punch to peers that listen on loopback only, so a DHT made
      // of loopback nodes (a local test network) gets a loopback-bound node.
      if (options.bootstrap.every(node => isLoopback(node.host))) options.host = '127.0.0.1'
    }
    this.dht = new DHT(options)
    this.rpc = new RPC({ dht: this.dht, keyPair })
    this.links = new Map()
  }

  link (keyHex) {
    let link = this.links.get(keyHex)
    if (!link || link.closed) {
      link = new OrkLink(this, keyHex)
      this.links.set(keyHex, link)
    }
    return link
  }

  async destroy () {
    for (const link of this.links.values()) link.close()
    this.links.clear()
    await this.rpc.destroy({ force: true })
    await this.dht.destroy({ force: true })
  }
}

// One encrypted connection to one ORK, shared by all calls to it; closed after a minute without calls.
class OrkLink {
  constructor (network, keyHex) {
    this.network = network
    this.keyHex = keyHex
    this.client = network.rpc.connect(Buffer.from(keyHex, 'hex'))
    this.connectError = null
    this.closed = false
    this.active = 0
    this.idleTimer = null
    // The request itself only reports CHANNEL_CLOSED; the stream knows why (peer not found, refused, ...).
    this.client.stream.on('error', err => { this.connectError = err })
    this.client.on('close', () => this.onclose())
  }

  async request (method, body, timeoutMs) {
    this.active++
    if (this.idleTimer) clearTimeout(this.idleTimer)
    try {
      return await this.client.request(method, body, { timeout: timeoutMs })
    } finally {
      this.active--
      if (this.active === 0 && !this.closed) {
        this.idleTimer = setTimeout(() => this.close(), LINK_IDLE_MS)
        this.idleTimer.unref()
      }
    }
  }

  onclose () {
    this.closed = true
    if (this.idleTimer) clearTimeout(this.idleTimer)
    if (this.network.links.get(this.keyHex) === this) this.network.links.delete(this.keyHex)
  }

  close () {
    if (this.closed) return
    this.onclose()
    this.client.destroy()
  }
}

function parseHostPort (text) {
  const at = text.lastIndexOf(':')
  return { host: text.slice(0, at), port: Number(text.slice(at + 1)) }
}

function isLoopback (host) {
  return host === 'localhost' || host.startsWith('127.')
}

// ---- calls ------------------------------------------------------------------------------------------------

const HEX_KEY = /^[0-9a-f]{64}$/

let keyPair = null
const networks = new Map()
let shuttingDown = false

function networkFor (bootstrap) {
  const id = bootstrap.join(',')
  let network = networks.get(id)
  if (!network) {
    network = new Network(keyPair, bootstrap)
    networks.set(id, network)
    log(`joined ${bootstrap.length === 0 ? 'the public HyperDHT' : 'the HyperDHT at ' + id}`)
  }
  return network
}

function validCall (header) {
  return Number.isSafeInteger(header.id) &&
    typeof header.key === 'string' && HEX_KEY.test(header.key) &&
    Array.isArray(header.bootstrap) && header.bootstrap.every(b => typeof b === 'string' && /^[^:\s]+:\d{1,5}$/.test(b)) &&
    typeof header.method === 'string' && header.method.length > 0 &&
    Number.isSafeInteger(header.timeoutMs) && header.timeoutMs > 0
}

function fail (id, code, message) {
  writeFrame({ op: 'result', id, ok: false, code, message })
}

function call (header, body) {
  if (!validCall(header)) {
    fail(header.id ?? null, 'BAD_CALL', 'malformed call envelope')
    return
  }
  const { id, key, bootstrap, method, timeoutMs } = header
  let settled = false
  const settle = (send) => {
    if (settled) return
    settled = true
    clearTimeout(timer)
    send()
  }
  // The library's own timeout starts only once the connection is open; this one covers connecting too.
  const timer = setTimeout(() => settle(() => fail(id, 'TIMEOUT', `no answer within ${timeoutMs} ms`)), timeoutMs)

  let link
  try {
    link = networkFor(bootstrap).link(key)
  } catch (err) {
    settle(() => fail(id, 'INTERNAL', err.message))
    return
  }
  link.request(method, body, timeoutMs).then(
    answer => settle(() => {
      if (answer && answer.length > MAX_ANSWER) fail(id, 'INTERNAL', `answer of ${answer.length} bytes exceeds ${MAX_ANSWER}`)
      else writeFrame({ op: 'result', id, ok: true }, answer || Buffer.alloc(0))
    }),
    err => settle(() => {
      const [code, message] = describeFailure(err, link)
      fail(id, code, message)
    })
  )
}

function describeFailure (err, link) {
  switch (err.code) {
    case 'TIMEOUT_EXCEEDED':
      return ['TIMEOUT', err.message]
    case 'CHANNEL_CLOSED':
    case 'CHANNEL_DESTROYED': {
      const cause = link.connectError
      return ['UNREACHABLE', cause ? `${err.code}, ${cause.code || 'ERROR'}: ${cause.message.replace(/^[A-Z_]+: /, '')}` : err.message]
    }
    case 'REQUEST_ERROR':
    case 'UNKNOWN_METHOD':
    case 'DECODE_ERROR':
    case 'ENCODE_ERROR':
      // A handler that threw outside the ORK's reply wrapper: its message travels as the cause.
      return ['REMOTE_ERROR', err.cause && err.cause.message ? `${err.message}: ${err.cause.message}` : err.message]
    default:
      return ['INTERNAL', `${err.code || err.name}: ${err.message}`]
  }
}

// ---- lifecycle --------------------------------------------------------------------------------------------

function init (header) {
  const { publicKey, secretKey } = header
  if (typeof publicKey !== 'string' || !HEX_KEY.test(publicKey) ||
      typeof secretKey !== 'string' || !/^[0-9a-f]{128}$/.test(secretKey)) {
    return fatal('init needs a hex publicKey (32 bytes) and secretKey (64 bytes)')
  }
  const derived = DHT.keyPair(Buffer.from(secretKey.slice(0, 64), 'hex'))
  if (derived.publicKey.toString('hex') !== publicKey || derived.secretKey.toString('hex') !== secretKey) {
    return fatal('the client key pair is inconsistent: its public key is not the one its secret key yields')
  }
  keyPair = derived
  writeFrame({
    op: 'ready',
    publicKey,
    node: process.version,
    versions: { '@hyperswarm/rpc': packageVersion('@hyperswarm/rpc'), hyperdht: packageVersion('hyperdht') }
  })
}

function fatal (message) {
  log(message)
  writeFrame({ op: 'fatal', message })
  process.exit(EXIT_FATAL)
}

function onframe (header, body) {
  if (header.op === 'init' && keyPair === null) return init(header)
  if (keyPair === null) return fatal(`expected init, got ${header.op}`)
  if (header.op === 'call') return call(header, body)
  fail(header.id ?? null, 'BAD_CALL', `unknown op ${header.op}`)
}

async function shutdown (reason) {
  if (shuttingDown) return
  shuttingDown = true
  log(`stopping: ${reason}`)
  setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref()
  await Promise.allSettled([...networks.values()].map(network => network.destroy()))
  process.exit(0)
}

const reader = new FrameReader(onframe)
process.stdin.on('data', chunk => {
  try {
    reader.push(chunk)
  } catch (err) {
    log(`unreadable input from the gateway: ${err.message}`)
    process.exit(EXIT_FATAL)
  }
})
process.stdin.on('end', () => shutdown('the gateway closed stdin'))
process.stdin.on('error', () => shutdown('stdin failed'))
process.stdout.on('error', () => shutdown('stdout closed'))
process.on('SIGTERM', () => shutdown('SIGTERM'))
process.on('SIGINT', () => shutdown('SIGINT'))
process.on('uncaughtException', err => {
  log(`crashed: ${err.stack || err}`)
  process.exit(EXIT_CRASH)
})
process.on('unhandledRejection', err => {
  log(`crashed: ${(err && err.stack) || err}`)
  process.exit(EXIT_CRASH)
})
