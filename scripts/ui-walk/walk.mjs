// Walks the real MiningOS UI served by our gateway in headless Chromium (Debian's, via playwright-core; no browser
// is downloaded), page by page as each role, then performs the operator actions (actions.mjs). For every page it
// records each /auth|/oauth request answered >= 400 or never answered, console errors, uncaught page errors,
// toasts, error boundaries, empty widgets and a screenshot. Prints a summary table, writes OUT/report.json and
// exits 1 when anything happened that allowlist.mjs does not name (2 for a harness failure).
//
// node walk.mjs --base http://127.0.0.1:PORT --out DIR --tokens FILE [--allow FILE] [--chromium PATH]
//               [--page-timeout-ms 45000] [--deadline-ms 1500000] [--only REGEX] [--actions REGEX] [--skip-actions]

import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { chromium } from 'playwright-core'

import { LINK_PATTERNS, MULTI_SITE_ROUTES, ROUTES as SINGLE_SITE_ROUTES } from './routes.mjs'
import { runActions } from './actions.mjs'

const args = parseArgs(process.argv.slice(2))
const BASE = args.base.replace(/\/$/, '')
const OUT = path.resolve(args.out)
const PAGE_TIMEOUT = Number(args['page-timeout-ms'] ?? 45000)
const DEADLINE = Date.now() + Number(args['deadline-ms'] ?? 25 * 60 * 1000)
const ONLY = args.only ? new RegExp(args.only) : null
const MULTI_SITE = Boolean(args['multi-site'])
const ROUTES = MULTI_SITE ? MULTI_SITE_ROUTES : SINGLE_SITE_ROUTES
const SLOW_MS = 1000
const tokens = JSON.parse(await fs.readFile(args.tokens, 'utf8'))
const { ALLOW } = await import(pathToFileURL(path.resolve(args.allow ?? new URL('./allowlist.mjs', import.meta.url).pathname)))

const records = []
let finishing = false
const links = {}
let browserContexts = []

// The overall deadline: whatever hangs, the report of what was seen is written and the process ends.
const hardStop = setTimeout(async () => {
  console.error(`walk: overall deadline passed; writing what was recorded`)
  records.push({ role: '-', name: 'overall deadline', path: '-', unexpected: ['deadline: the walk did not finish'] })
  await finish(2)
}, Math.max(1000, DEADLINE - Date.now() + 60_000))

// A stray rejection (a waiter whose page closed after a failed step) must not end the walk.
process.on('unhandledRejection', (e) => console.error(`walk: ignored rejection: ${String(e?.message ?? e).split('\n')[0]}`))

// Stopped from outside (run.sh's deadline, Ctrl-C): close the browsers and write what was recorded.
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    records.push({ role: '-', name: `stopped by ${signal}`, path: '-', unexpected: [`the walk was stopped by ${signal}`] })
    finish(2)
  })
}

await fs.mkdir(path.join(OUT, 'screens'), { recursive: true })

const chromiumPath = args.chromium ?? '/usr/bin/chromium'
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync']

try {
  if (MULTI_SITE) fillReportQueries()
  else await fillFromApi()
  for (const role of ['admin', 'readonly']) {
    const ctx = await openContext(role)
    for (const route of ROUTES) {
      if (ONLY && !ONLY.test(route.path) && !ONLY.test(route.name)) continue
      await walkPage(ctx, role, route)
    }
    await ctx.close().catch(() => {})
  }
  if (!args['skip-actions'] && !MULTI_SITE) {
    const admin = await openContext('admin')
    const admin2 = await openContext('admin2')
    const readonly = await openContext('readonly')
    await runActions({ contexts: { admin, admin2, readonly }, tokens, base: BASE, record: recordStep, links,
      deadline: DEADLINE, links, onlyActions: args.actions ? new RegExp(args.actions) : null, pageTimeout: PAGE_TIMEOUT, out: OUT, urlFor, instrument, settle, snapshot })
  }
} catch (e) {
  records.push({ role: '-', name: 'harness', path: '-', unexpected: [`harness error: ${e.stack ?? e}`] })
  await finish(2)
}
await finish()

// ---------------------------------------------------------------------------------------------------------------

async function openContext(role) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `ui-walk-${role}-`))
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath, headless: true, args: LAUNCH_ARGS, viewport: { width: 1600, height: 1000 },
    timeout: 60_000,
  })
  ctx.__userDataDir = dir
  browserContexts.push(ctx)
  // Only this machine's gateway is reached: anything else (fonts, telemetry) is refused, and reported.
  const origin = new URL(BASE).origin
  await ctx.route('**/*', (route) => {
    const url = route.request().url()
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue()
    return route.abort('blockedbyclient')
  })
  await ctx.addInitScript(toastRecorder)
  // The UI takes ?authToken= only on its first load in a fresh profile when that load is '/': sign in there once.
  const page = await ctx.newPage()
  await page.goto(urlFor('/', role), { waitUntil: 'domcontentloaded', timeout: PAGE_TIMEOUT }).catch(() => {})
  await page.waitForTimeout(3000)
  await page.close().catch(() => {})
  return ctx
}

// Runs in every document: antd notifications and messages are gone after ~3 s, so each one is recorded as it
// appears. The type comes from the notice's icon class (antd 5: ant-notification-notice-icon-error, ...).
function toastRecorder() {
  window.__walkToasts = []
  const seen = new WeakSet()
  const record = (node) => {
    const html = node.innerHTML || ''
    const type = /icon-error|notice-error|anticon-close-circle/.test(html + node.className) ? 'error'
      : /icon-warning|notice-warning|anticon-exclamation-circle/.test(html + node.className) ? 'warning'
        : /icon-success|notice-success|anticon-check-circle/.test(html + node.className) ? 'success' : 'info'
    window.__walkToasts.push({ type, text: (node.innerText || '').replace(/\s+/g, ' ').trim().slice(0, 300) })
  }
  const scan = () => {
    for (const node of document.querySelectorAll('.ant-notification-notice, .ant-message-notice')) {
      if (seen.has(node)) continue
      seen.add(node)
      setTimeout(() => record(node), 80)
    }
  }
  new MutationObserver(scan).observe(document, { childList: true, subtree: true })
}

function urlFor(pathAndQuery, role) {
  const sep = pathAndQuery.includes('?') ? '&' : '?'
  return `${BASE}${pathAndQuery}${sep}authToken=${encodeURIComponent(tokens[role])}`
}

// Listens to one page: failed and slow requests, console errors, page errors. Returns the live record.
function instrument(page, rec) {
  const started = new Map()
  rec.failures ??= []; rec.consoleErrors ??= []; rec.pageErrors ??= []; rec.slow ??= []; rec.blocked ??= []
  rec.requests ??= 0
  rec.calls ??= []
  const isApi = (url) => { const p = new URL(url).pathname; return p.startsWith('/auth') || p.startsWith('/oauth') }
  page.on('request', (r) => { if (isApi(r.url())) { started.set(r, Date.now()); rec.requests++ } })
  page.on('requestfinished', (r) => {
    const t0 = started.get(r)
    started.delete(r)
    if (t0 !== undefined && Date.now() - t0 > SLOW_MS) {
      rec.slow.push({ method: r.method(), path: shortPath(r.url()), ms: Date.now() - t0 })
    }
  })
  page.on('requestfailed', (r) => {
    const failure = r.failure()?.errorText ?? 'failed'
    if (started.has(r)) {
      started.delete(r)
      // A request the page dropped while navigating away is the UI's business, not a failure of ours.
      if (!/ERR_ABORTED/.test(failure)) {
        rec.failures.push({ method: r.method(), path: shortPath(r.url()), status: 0, body: failure })
      }
    } else if (/blockedbyclient|BLOCKED_BY_CLIENT/i.test(failure)) {
      rec.blocked.push(r.url().slice(0, 160))
    }
  })
  page.on('response', async (resp) => {
    const req = resp.request()
    // Every API call, for the findings (what the UI asks, how we answered, how long it took).
    if (started.has(req) && rec.calls.length < 400) {
      const u = new URL(resp.url())
      rec.calls.push({ method: req.method(), path: shortPath(resp.url()), status: resp.status(), ms: Date.now() - started.get(req),
        url: u.pathname + u.search })
    }
    if (resp.status() < 400) return
    const entry = { method: req.method(), path: shortPath(resp.url()), status: resp.status(), body: '' }
    rec.failures.push(entry)
    try { entry.body = (await resp.text()).replace(/\s+/g, ' ').slice(0, 240) } catch { /* body gone */ }
  })
  page.on('console', (m) => {
    if (m.type() === 'error') rec.consoleErrors.push(m.text().replace(/\s+/g, ' ').slice(0, 300))
  })
  // Errors raised while the full-page screenshot emulates a taller viewport are told apart (see allowlist.mjs).
  page.on('pageerror', (e) => rec.pageErrors.push(`${rec.shooting ? 'during the full-page screenshot: ' : ''}${String(e?.message ?? e).replace(/\s+/g, ' ')}`.slice(0, 300)))
  return { pending: () => [...started.keys()] }
}

// Waits until no API request has been in flight for quietMs and no loading spinner turns (the UI still loading a
// route's code, or waiting on an answer it asked for), or maxMs passed; returns the requests still open. A spinner
// that never stops is then reported by the snapshot.
async function settle(page, probe, { quietMs = 2500, maxMs = PAGE_TIMEOUT } = {}) {
  const t0 = Date.now()
  let quietSince = Date.now()
  await page.waitForTimeout(1500)
  while (Date.now() - t0 < maxMs && Date.now() < DEADLINE) {
    if (probe.pending().length > 0) quietSince = Date.now()
    else if (Date.now() - quietSince >= quietMs && !await loading(page)) break
    await page.waitForTimeout(250)
  }
  return probe.pending().map((r) => `${r.method()} ${shortPath(r.url())}`)
}

async function loading(page) {
  return page.evaluate(() => [...document.querySelectorAll('.ant-spin-spinning, .ant-skeleton-active')]
    .some((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 })).catch(() => false)
}

// What the page shows: empty states, spinners, error boundaries, tables, charts, and the links it offers.
async function snapshot(page, rec, file) {
  const state = await page.evaluate(() => {
    const visible = (el) => {
      const r = el.getBoundingClientRect()
      const s = getComputedStyle(el)
      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'
    }
    const all = (sel) => [...document.querySelectorAll(sel)].filter(visible)
    const empties = all('.ant-empty').map((e) => e.innerText.replace(/\s+/g, ' ').trim() || 'empty')
    // Leaf-ish elements whose own text says there is nothing to show.
    const noData = []
    for (const el of document.querySelectorAll('body *')) {
      if (el.children.length > 2 || !visible(el)) continue
      const t = (el.innerText || '').replace(/\s+/g, ' ').trim()
      if (t.length < 60 && /^(no data|no data available|no records|no results|nothing to show)/i.test(t) &&
          ![...el.children].some((c) => (c.innerText || '').trim() === t)) noData.push(t)
    }
    const boundary = all('*').filter((e) => e.children.length === 0 && /An unexpected error occurred|Component error/.test(e.innerText || ''))
      .map((e) => e.parentElement?.innerText?.replace(/\s+/g, ' ').slice(0, 160))
    return {
      url: location.pathname + location.search,
      title: document.title,
      empties, noData: [...new Set(noData)],
      spinners: all('.ant-spin-spinning, .ant-skeleton-active').length,
      errorBoundaries: [...new Set(boundary)],
      notFound: /Page Not Found/.test(document.body.innerText),
      tableRows: all('.ant-table-row').length,
      charts: all('canvas').length,
      textLength: document.body.innerText.length,
      links: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')),
    }
  }).catch((e) => ({ error: String(e) }))
  for (const href of state.links ?? []) {
    for (const [key, re] of Object.entries(LINK_PATTERNS)) {
      const m = href.match(re)
      if (m && !links[key]) links[key] = decodeURIComponent(m[1])
    }
  }
  delete state.links
  rec.state = state
  rec.toasts = await page.evaluate(() => window.__walkToasts || []).catch(() => [])
  if (file) {
    rec.screenshot = path.relative(OUT, file)
    rec.shooting = true
    await page.screenshot({ path: file, fullPage: true, timeout: 20_000 }).catch(async () => {
      await page.screenshot({ path: file, timeout: 20_000 }).catch((e) => { rec.screenshot = `failed: ${e.message}` })
    })
    await page.waitForTimeout(500) // errors of the resize arrive just after it
    delete rec.shooting
  }
}

async function walkPage(ctx, role, route) {
  const rec = { role, name: route.name, path: route.path }
  records.push(rec)
  if (Date.now() > DEADLINE) { rec.skipped = 'overall deadline'; return }
  // Live alerts come and go: take one that is active now (the other role visits minutes later).
  if (route.path.includes('{alert}')) links.alert = await activeAlert() ?? links.alert
  const filled = route.path.replace(/\{(\w+)\}/g, (_, key) => links[key] ?? `{${key}}`)
  if (/\{\w+\}/.test(filled)) { rec.skipped = `no value for ${filled.match(/\{\w+\}/)[0]}`; return }
  rec.path = filled
  let page
  try {
    page = await ctx.newPage()
  } catch (e) {
    rec.crash = `no page: ${String(e.message ?? e).split('\n')[0]}`
    return rec
  }
  const probe = instrument(page, rec)
  const t0 = Date.now()
  try {
    await page.goto(urlFor(filled, role), { waitUntil: 'domcontentloaded', timeout: PAGE_TIMEOUT })
    rec.pending = await settle(page, probe)
    rec.ms = Date.now() - t0
    const file = path.join(OUT, 'screens', `${role}-${slug(filled)}.png`)
    await snapshot(page, rec, file)
  } catch (e) {
    rec.crash = String(e.message ?? e).split('\n')[0].slice(0, 240)
  } finally {
    await page.close().catch(() => {})
  }
  console.error(`walk: ${role} ${filled} ${rec.ms ?? '-'} ms, ${rec.failures.length} failed requests`)
}

// actions.mjs records its steps through this: the same record shape as a page.
function recordStep(rec) {
  records.push(rec)
  return rec
}

async function activeAlert() {
  const fields = encodeURIComponent(JSON.stringify({ id: 1, 'last.alerts': 1 }))
  const res = await fetch(`${BASE}/auth/list-things?status=1&limit=100000&fields=${fields}`, {
    headers: { Authorization: `Bearer ${tokens.admin}` },
  }).catch(() => null)
  if (!res?.ok) return undefined
  const things = (await res.json()).flat()
  return things.flatMap((t) => t.last?.alerts ?? []).find((a) => a?.uuid)?.uuid
}

// Fallbacks for placeholders that no link on a page offers (the UI navigates to them on click).
// The report pages' queries as the multi-site reports list builds them: the last full Sunday-to-Saturday week and the
// last full month (Reports.tsx: reportType, dateRange 'MMM dd - MMM dd, yyyy', location).
function fillReportQueries() {
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
  const day = (d) => `${MONTHS[d.getMonth()]} ${String(d.getDate()).padStart(2, '0')}`
  const range = (from, to) => `${day(from)} - ${day(to)}, ${to.getFullYear()}`
  const today = new Date()
  const saturday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - ((today.getDay() + 1) % 7 || 7))
  const sunday = new Date(saturday.getFullYear(), saturday.getMonth(), saturday.getDate() - 6)
  const monthEnd = new Date(today.getFullYear(), today.getMonth(), 0)
  const monthStart = new Date(monthEnd.getFullYear(), monthEnd.getMonth(), 1)
  const query = (type, from, to, location) => new URLSearchParams({ reportType: type, dateRange: range(from, to), location }).toString()
  links.weekly = query('weekly', sunday, saturday, 'All Sites')
  links.monthly = query('monthly', monthStart, monthEnd, 'All Sites')
  links.weeklyNorth = query('weekly', sunday, saturday, 'North')
}

async function fillFromApi() {
  const fields = encodeURIComponent(JSON.stringify({ id: 1, code: 1, type: 1, info: 1, comments: 1, 'last.alerts': 1 }))
  const res = await fetch(`${BASE}/auth/list-things?status=1&limit=100000&fields=${fields}`, {
    headers: { Authorization: `Bearer ${tokens.admin}` },
  })
  if (!res.ok) throw new Error(`list-things answered ${res.status}: ${await res.text()}`)
  const slots = await res.json()
  const things = slots.flat()
  // Miners of the first ORK for the actions (a different one per action: a rebooting miner can't be rebooted), and
  // one of the last ORK: every ORK's miners must be findable in the explorer.
  links.minerCodes = (slots[0] ?? []).filter((t) => String(t.type).startsWith('miner-')).slice(0, 6).map((t) => t.code)
  if (slots.length > 1) links.lastOrkMinerCode = (slots.at(-1) ?? []).find((t) => String(t.type).startsWith('miner-'))?.code
  const miner = things.find((t) => String(t.type).startsWith('miner-'))
  const container = things.find((t) => String(t.type).startsWith('container-'))
  if (miner) { links.miner = miner.id; links.minerCode = miner.code }
  if (container?.info?.container) links.container = `container-${container.info.container}`
  // A device with comments (its history page has rows) and a live alert (the alerts page filters by its uuid).
  links.commented = things.find((t) => (t.comments ?? []).length)?.id ?? miner?.id
  links.alert = things.flatMap((t) => t.last?.alerts ?? []).find((a) => a?.uuid)?.uuid ?? miner?.id
  if (container?.info?.container) links.unit = container.info.container
  links.__things = things.length
  // A device that has moved (its movements page lists rows): the newest status or location change in the log.
  const moves = encodeURIComponent(JSON.stringify({ $or: [{ 'changes.status': { $exists: true } },
    { 'changes.location': { $exists: true } }] }))
  const log = await fetch(`${BASE}/auth/history-log?logType=info&limit=50&query=${moves}`, {
    headers: { Authorization: `Bearer ${tokens.admin}` },
  }).then((r) => (r.ok ? r.json() : [])).catch(() => [])
  links.moved = (Array.isArray(log) ? log.flat() : []).find((e) => e?.thing?.id)?.thing?.id ?? miner?.id
}

function evaluate(rec) {
  const unexpected = []
  const allowed = []
  const take = (kind, text) => {
    const rule = ALLOW.find((a) => a.kind === kind && (!a.role || a.role === rec.role) &&
      (!a.page || a.page.test(rec.path)) && a.match.test(text))
    if (rule) allowed.push(`${kind}: ${text} [allowed: ${rule.why}]`)
    else unexpected.push(`${kind}: ${text}`)
  }
  for (const f of rec.failures ?? []) take('request', `${f.method} ${f.path} -> ${f.status} ${f.body}`)
  for (const c of rec.consoleErrors ?? []) take('console', c)
  for (const p of rec.pageErrors ?? []) take('pageerror', p)
  for (const p of rec.pending ?? []) take('pending', p)
  for (const t of rec.toasts ?? []) if (t.type === 'error' || t.type === 'warning') take('toast', `${t.type}: ${t.text}`)
  const st = rec.state ?? {}
  for (const b of st.errorBoundaries ?? []) take('boundary', b)
  for (const e of [...(st.empties ?? []), ...(st.noData ?? [])]) take('empty', e)
  if (st.notFound && !/no-such-page/.test(rec.path)) take('notfound', st.url)
  if (st.spinners) take('loading', `${st.spinners} spinner(s) still turning`)
  if (rec.crash) take('crash', rec.crash)
  if (rec.skipped) take('skipped', rec.skipped)
  for (const u of rec.unexpected ?? []) unexpected.push(u)
  rec.unexpected = unexpected
  rec.allowed = allowed
  return rec
}

async function finish(code) {
  if (finishing) return
  finishing = true
  clearTimeout(hardStop)
  for (const ctx of browserContexts) {
    await Promise.race([ctx.close().catch(() => {}), new Promise((r) => setTimeout(r, 10_000))])
    await fs.rm(ctx.__userDataDir, { recursive: true, force: true }).catch(() => {})
  }
  records.forEach(evaluate)
  delete links.__things
  await fs.writeFile(path.join(OUT, 'report.json'), JSON.stringify({ base: BASE, links, records }, null, 2))
  const lines = []
  const row = (cols) => lines.push(cols.map((c, i) => String(c).padEnd([44, 9, 6, 8, 7, 7, 6, 5, 6][i] ?? 0)).join(' '))
  row(['page', 'role', 'fail', 'console', 'toasts', 'empty', 'slow', 'ms', 'unexp'])
  for (const r of records) {
    const toasts = (r.toasts ?? []).filter((t) => t.type === 'error' || t.type === 'warning').length
    const empties = (r.state?.empties?.length ?? 0) + (r.state?.noData?.length ?? 0)
    row([(r.path ?? r.name).slice(0, 44), r.role, (r.failures ?? []).length,
      (r.consoleErrors ?? []).length + (r.pageErrors ?? []).length, toasts, empties, (r.slow ?? []).length,
      r.ms ?? (r.skipped ? 'skip' : '-'), r.unexpected.length])
  }
  const bad = records.filter((r) => r.unexpected.length)
  lines.push('')
  for (const r of bad) {
    lines.push(`UNEXPECTED ${r.role} ${r.path ?? r.name}:`)
    for (const u of r.unexpected.slice(0, 25)) lines.push(`  - ${u.slice(0, 400)}`)
    if (r.unexpected.length > 25) lines.push(`  ... ${r.unexpected.length - 25} more (report.json)`)
  }
  lines.push('', `${records.length} pages/steps, ${bad.length} with unexpected findings; report: ${path.join(OUT, 'report.json')}`)
  const text = lines.join('\n')
  await fs.writeFile(path.join(OUT, 'summary.txt'), text + '\n')
  console.log(text)
  process.exit(code ?? (bad.length ? 1 : 0))
}

function shortPath(url) {
  const u = new URL(url)
  const full = decodeURIComponent(u.pathname + u.search).replace(/authToken=[^&]+/, 'authToken=…')
  return full.length > 220 ? full.slice(0, 220) + '…' : full
}

function slug(p) {
  return p.replace(/^\//, '').replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120) || 'root'
}

function parseArgs(argv) {
  const out = {}
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`)
    const key = a.slice(2)
    if (key.startsWith('skip-') || key === 'multi-site') out[key] = true
    else out[key] = argv[++i]
  }
  for (const k of ['base', 'out', 'tokens']) if (!out[k]) { console.error(`walk: --${k} is required`); process.exit(2) }
  return out
}

