// Every API route the UI called during a walk, from OUT/report.json: how often, the statuses we answered, the
// slowest answer, an example query and the pages that called it.   node calls.mjs [OUT/report.json]
import fs from 'node:fs'

const file = process.argv[2] ?? new URL('./out/report.json', import.meta.url).pathname
const { records } = JSON.parse(fs.readFileSync(file, 'utf8'))
const routes = new Map()
for (const rec of records) {
  for (const c of rec.calls ?? []) {
    const [route, query = ''] = c.path.split('?')
    // Ids in paths (actions, votes) are folded so that one route is one row.
    const key = `${c.method} ${route.replace(/\/\d{6,}(?=\/|$)/g, '/:id')}`
    const r = routes.get(key) ?? { count: 0, statuses: new Map(), maxMs: 0, example: '', pages: new Set() }
    r.count++
    r.statuses.set(c.status, (r.statuses.get(c.status) ?? 0) + 1)
    if (c.ms > r.maxMs) { r.maxMs = c.ms; r.example = query.slice(0, 160) }
    r.pages.add(rec.path)
    routes.set(key, r)
  }
}
console.log('| route | calls | statuses | slowest ms | example query (of the slowest) | pages |')
console.log('|---|---|---|---|---|---|')
for (const [key, r] of [...routes].sort()) {
  const statuses = [...r.statuses].map(([s, n]) => `${s}×${n}`).join(' ')
  const example = r.example.replace(/\|/g, '\\|')
  console.log(`| \`${key}\` | ${r.count} | ${statuses} | ${r.maxMs} | \`${example}\` | ${r.pages.size} |`)
}
