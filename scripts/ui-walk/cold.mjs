// Cold visits: how long a fresh demo takes to answer the first request of each kind the UI's pages make.
//
//   node cold.mjs --base URL --token TOKEN --report OUT/report.json [--concurrency 6]
//
// Replays every distinct GET of a walk's report (run.sh --cold-replay runs it against a gateway started a moment
// before, nothing cached, nothing precomputed but what the gateway does at start). Epoch-ms numbers and ISO dates in
// the queries are moved forward by the report's age, so ranges still end "now". First the reads that took over a
// second in the walk are sent one at a time (a page's heaviest read as the very first visit would send it), then
// the gateway's own finance and pool routes over 30 days (not called by the pinned UI), then the rest page by
// page, at most CONCURRENCY at a time like a browser. Prints one line per read over SLOW_MS and a summary line.
import fs from 'node:fs'

const args = process.argv.slice(2)
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args[i + 1] : dflt
}
const base = opt('base')
const token = opt('token')
const reportFile = opt('report')
const concurrency = Number(opt('concurrency', '6'))
const SLOW_MS = 1000
if (!base || !token || !reportFile) {
  console.error('usage: node cold.mjs --base URL --token TOKEN --report OUT/report.json [--concurrency 6]')
  process.exit(2)
}

const { records } = JSON.parse(fs.readFileSync(reportFile, 'utf8'))
const ageMs = Date.now() - fs.statSync(reportFile).mtimeMs
const DAY = 86_400_000
const ageDays = Math.floor(ageMs / DAY)
const shift = (v) => v
  .replace(/\b1[6-9]\d{11}\b/g, (ms) => String(Number(ms) + Math.round(ageMs)))
  .replace(/\b(20\d\d-\d\d-\d\d)(?=T|\b)/g, (d) => new Date(Date.parse(d) + ageDays * DAY).toISOString().slice(0, 10))

// Distinct GETs in the order the walk first made them, with the walk's own time.
const seen = new Map()
for (const rec of records) {
  for (const c of rec.calls ?? []) {
    if (c.method !== 'GET' || !c.url) continue // no url: a report of an older harness, its paths cut short
    const u = new URL(c.url, 'http://x')
    u.searchParams.delete('overwriteCache')
    const key = decodeURIComponent(u.pathname + u.search).replace(/\b1[6-9]\d{11}\b/g, 'T')
    for (const [k, v] of [...u.searchParams]) u.searchParams.set(k, shift(v))
    if (!seen.has(key)) seen.set(key, { path: u.pathname + u.search, page: rec.path, walkMs: c.ms })
  }
}
const all = [...seen.values()]
const heavy = all.filter((r) => r.walkMs > SLOW_MS)

const from = Date.now() - 30 * DAY
const to = Date.now()
const extra = ['energy-balance', 'ebitda', 'cost-summary', 'subsidy-fees', 'revenue', 'revenue-summary',
  'hash-revenue'].map((r) => ({ path: `/auth/finance/${r}?start=${from}&end=${to}&period=daily`, page: '(gateway)' }))
extra.push({ path: '/auth/pools', page: '(gateway)' },
  { path: `/auth/pools/all/balance-history?start=${from}&end=${to}&range=1D`, page: '(gateway)' })

async function timed(r) {
  const t0 = performance.now()
  let status = 0
  let bytes = 0
  try {
    const res = await fetch(base + r.path, { headers: { Authorization: `Bearer ${token}` } })
    status = res.status
    bytes = (await res.arrayBuffer()).byteLength
  } catch (e) {
    status = String(e.cause?.code ?? e.message)
  }
  return { ...r, ms: Math.round(performance.now() - t0), status, bytes }
}

const results = []
const phase = async (name, list, parallel) => {
  const start = performance.now()
  const queue = [...list]
  const worker = async () => {
    for (let r = queue.shift(); r; r = queue.shift()) results.push({ ...(await timed(r)), phase: name })
  }
  await Promise.all(Array.from({ length: parallel }, worker))
  return Math.round(performance.now() - start)
}
const heavyMs = await phase('heavy-first', heavy, 1)
const extraMs = await phase('finance+pools', extra, 1)
const restMs = await phase('pages', all.filter((r) => !heavy.includes(r)), concurrency)

const slow = results.filter((r) => r.ms > SLOW_MS || r.status !== 200).sort((a, b) => b.ms - a.ms)
for (const r of slow) {
  console.log(`${String(r.ms).padStart(6)} ms  ${r.status}  ${r.phase.padEnd(13)} ${decodeURIComponent(r.path).slice(0, 230)}`)
}
const ms = results.map((r) => r.ms).sort((a, b) => a - b)
const pct = (p) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))]
console.log(`cold: ${results.length} distinct reads (${heavy.length} heavy first in ${heavyMs} ms, ${extra.length} `
  + `finance/pools in ${extraMs} ms, the rest in ${restMs} ms); over ${SLOW_MS} ms: ${slow.filter((r) => r.ms > SLOW_MS).length}; `
  + `non-200: ${results.filter((r) => r.status !== 200).length}; p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms, max ${ms.at(-1)} ms`)
process.exit(slow.length === 0 ? 0 : 1)
