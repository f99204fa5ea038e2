// The operator actions, done through the UI the way an operator does them (buttons, dialogs, the actions sidebar).
// Each action is one step in the report: every request it caused that failed, console and page errors, the toasts
// it showed, and screenshots of its phases. Where the outcome can only be seen on the server (an action that
// executed, a user that exists), the step checks it through the API as the super admin. A step that cannot be
// done (a button missing, a toast saying it failed) is unexpected.
import path from 'node:path'

const CLICK = { timeout: 15_000 }
// The actions sidebar's buttons sit under an ancestor Playwright takes for disabled (aria-disabled): click them as a
// person does, without that check.
const FORCE = { timeout: 15_000, force: true }

// The first visible button whose text is `re` (drawers and modals keep hidden copies of their buttons).
const button = (scope, re) => scope.locator('button:visible').filter({ hasText: re }).first()

export async function runActions(h) {
  const steps = [
    ['find a miner of the last ORK in the explorer', everyOrkVisible],
    ['reboot a miner, approve as a second admin, it executes', rebootApprove],
    ['reboot a miner, reject as a second admin', rebootReject],
    ['reboot a miner, cancel the request', rebootCancel],
    ['add, edit and delete a comment', comments],
    ['change a production cost', productionCost],
    ['toggle container automation (auto-sleep)', autoSleep],
    ['create, update and delete a user', users],
    ['save feature flags', featureFlags],
    ['add, move and delete a spare part (the Inventory modals\' requests)', spareParts],
  ]
  for (const [name, fn] of steps) {
    if (h.onlyActions && !h.onlyActions.test(name)) continue
    const rec = h.record({ role: 'admin', name: `action: ${name}`, path: `action: ${name}`, unexpected: [],
      screenshots: [] })
    if (Date.now() > h.deadline) { rec.skipped = 'overall deadline'; continue }
    const t0 = Date.now()
    const pages = []
    const step = new Step(h, rec, pages)
    try {
      await fn(step)
    } catch (e) {
      const lines = String(e.message ?? e).split('\n')
      const where = lines.find((l) => /waiting for|locator\(/.test(l) && l !== lines[0]) ?? ''
      const last = lines.filter((l) => l.trim()).at(-1) ?? ''
      rec.unexpected.push(`step failed: ${lines[0].slice(0, 200)} ${where.trim().slice(0, 200)}${last !== where && last !== lines[0] ? ` … ${last.trim().slice(0, 200)}` : ''}`.replace(/\u001b\[\d+m/g, '').trim())
      await step.shot('failed').catch(() => {})
    } finally {
      rec.ms = Date.now() - t0
      for (const p of pages) {
        rec.toasts.push(...await p.evaluate(() => window.__walkToasts || []).catch(() => []))
        await p.close().catch(() => {})
      }
    }
    console.error(`walk: ${rec.name}: ${rec.unexpected.length ? rec.unexpected.join('; ') : 'ok'}`)
  }
}

class Step {
  constructor(h, rec, pages) {
    Object.assign(this, { h, rec, pages })
    rec.toasts = []
    this.page = null
  }

  // Opens a path as a role in a new page of that role's browser.
  async open(role, p) {
    const page = await this.h.contexts[role].newPage()
    this.pages.push(page)
    this.probe = this.h.instrument(page, this.rec)
    await page.goto(this.h.urlFor(p, role), { waitUntil: 'domcontentloaded', timeout: this.h.pageTimeout })
    await this.settle(page)
    this.page = page
    return page
  }

  async settle(page = this.page) {
    const pending = await this.h.settle(page, this.probe, { quietMs: 1500 })
    ;(this.rec.pending ??= []).push(...pending)
  }

  async shot(phase) {
    if (!this.page) return
    const file = path.join(this.h.out, 'screens', `action-${this.rec.name.replace(/^action: /, '').replace(/[^a-z0-9]+/gi, '_').slice(0, 50)}-${phase}.png`)
    await this.page.screenshot({ path: file, timeout: 20_000 }).catch(() => {})
    this.rec.screenshots.push(path.relative(this.h.out, file))
    this.rec.screenshot ??= path.relative(this.h.out, file)
  }

  // Toasts of one kind shown on the current page since `from`.
  async toasts(from = 0) {
    return (await this.page.evaluate(() => window.__walkToasts || [])).slice(from)
  }

  async expectToast(re, what, timeoutMs = 20_000) {
    const t0 = Date.now()
    while (Date.now() - t0 < timeoutMs) {
      const all = await this.toasts()
      if (all.some((t) => re.test(t.text))) return
      await this.page.waitForTimeout(250)
    }
    const seen = (await this.toasts()).map((t) => `${t.type}: ${t.text}`).join(' | ') || 'none'
    throw new Error(`${what}: no toast matching ${re} (toasts: ${seen})`)
  }

  fail(text) {
    this.rec.unexpected.push(text)
  }

  async api(method, p, body, role = 'admin') {
    const res = await fetch(`${this.h.base}${p}`, {
      method, headers: { Authorization: `Bearer ${this.h.tokens[role]}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    let json
    try { json = JSON.parse(text) } catch { json = text }
    return { status: res.status, json }
  }
}

// --- actions -----------------------------------------------------------------------------------------------------

// Selects the first miner on the explorer's miner tab, clicks Reboot, opens the actions sidebar and submits.
// Returns the ids of the actions the ORKs created (from the answer of POST /auth/actions/voting).
async function submitReboot(s, code) {
  const page = await s.open('admin', '/operations/mining/explorer?tab=miner')
  const answer = page.waitForResponse((r) => r.url().includes('/auth/actions/voting') && r.request().method() === 'POST',
    { timeout: 30_000 })
  answer.catch(() => {})
  await selectMiner(s, page, code)
  await button(page, /^Reboot$/).click(CLICK)
  await openSidebar(page)
  await s.shot('sidebar-before-submit')
  await button(page, /^Submit$/).click(FORCE)
  const res = await answer
  const body = await res.json().catch(() => null)
  await s.settle()
  const ids = Array.isArray(body) ? body.map((e) => e?.id).filter((id) => id !== null && id !== undefined) : []
  s.rec.detail = { ...(s.rec.detail ?? {}), submitted: body }
  if (!ids.length) throw new Error(`POST /auth/actions/voting created no action: ${JSON.stringify(body).slice(0, 200)}`)
  await s.expectToast(/Action Submitted|Submitted Action/i, 'submit')
  await s.shot('submitted')
  return ids
}

// The miner tab lists nothing until searched: type the miner's code into the search (a tags select), pick its row.
async function selectMiner(s, page, code) {
  if (!code) throw new Error('no miner code known (GET /auth/list-things found no miner)')
  await searchExplorer(s, page, code)
  await page.locator('.ant-table-row').filter({ hasText: code }).first().locator('.ant-checkbox-input').click(CLICK)
  await page.waitForTimeout(1500)
  await s.shot('selected')
}

// The explorer's search is a tags select whose tags persist between visits: clear them, then add `text`.
async function searchExplorer(s, page, text) {
  const removers = page.locator('.ant-select-selection-item-remove')
  while (await removers.count()) await removers.first().click(CLICK)
  const input = page.locator('.ant-select-selection-search-input').first()
  await input.click(CLICK)
  await page.waitForTimeout(300)
  await input.fill(text)
  await page.waitForTimeout(500)
  await input.press('Enter')
  await page.keyboard.press('Escape')
  await s.settle(page)
  await page.locator('.ant-table-row').filter({ hasText: text }).first().waitFor({ timeout: 15_000 }).catch(() => {})
}

async function openSidebar(page) {
  await page.locator('[class*="PendingTasksCountContainer"]').first().click(CLICK)
  await page.waitForTimeout(1000)
}

// As admin2: opens the sidebar and clicks `button` on the first requested action card.
async function voteAs(s, label) {
  const page = await s.open('admin2', '/')
  await openSidebar(page)
  await s.shot(`sidebar-${label.toLowerCase()}`)
  const vote = page.waitForResponse((r) => /\/auth\/actions\/voting\/[^/]+\/vote/.test(r.url()), { timeout: 30_000 })
  vote.catch(() => {})
  await page.locator('button:visible').filter({ hasText: new RegExp(`^${label}$`) }).first().click(FORCE)
  const res = await vote
  s.rec.detail = { ...(s.rec.detail ?? {}), vote: { status: res.status(), body: await res.text().catch(() => '') } }
  await s.settle()
  return page
}

async function actionStatuses(s, ids) {
  const out = {}
  for (const id of ids) {
    out[id] = []
    // An action moves between the ORK's lists as it goes (voting, ready, executing, done).
    for (const type of ['voting', 'ready', 'executing', 'done']) {
      const { json } = await s.api('GET', `/auth/actions/${type}/${id}?overwriteCache=true`)
      const found = (Array.isArray(json) ? json.flat() : [json]).filter((a) => a && typeof a === 'object' && String(a.id) === String(id))
      out[id].push(...found.map((a) => a.status))
    }
  }
  return out
}

// Whether the ORKs already finished the actions (a site needing one vote runs them on the creator's own vote).
async function executedAlready(s, ids) {
  const statuses = await actionStatuses(s, ids)
  s.rec.detail.statusesAfterSubmit = statuses
  const all = Object.values(statuses).flat()
  if (all.length && all.every((st) => st !== 'VOTING')) {
    s.fail(`the reboot ran without a second approval (statuses right after submitting: ${JSON.stringify(statuses)})`)
    return true
  }
  return false
}

async function rebootApprove(s) {
  const ids = await submitReboot(s, s.h.links.minerCodes?.[0])
  await executedAlready(s, ids)
  await voteAs(s, 'Approve')
  await s.expectToast(/approved/i, 'approve')
  const errors = (await s.toasts()).filter((t) => t.type === 'error')
  if (errors.length) s.fail(`approve showed an error toast: ${errors[0].text}`)
  // The executor runs every few seconds; every ORK's copy of the action must end COMPLETED.
  let statuses = {}
  for (let i = 0; i < 40; i++) {
    statuses = await actionStatuses(s, ids)
    const all = Object.values(statuses).flat()
    if (all.length && all.every((st) => st === 'COMPLETED')) break
    await s.page.waitForTimeout(1000)
  }
  s.rec.detail.statuses = statuses
  const all = Object.values(statuses).flat()
  if (!all.length || !all.every((st) => st === 'COMPLETED')) s.fail(`reboot did not execute on every ORK: ${JSON.stringify(statuses)}`)
  await s.shot('after-approve')
}

async function rebootReject(s) {
  const ids = await submitReboot(s, s.h.links.minerCodes?.[1])
  await executedAlready(s, ids)
  await voteAs(s, 'Reject')
  await s.expectToast(/rejected/i, 'reject')
  const errors = (await s.toasts()).filter((t) => t.type === 'error')
  if (errors.length) s.fail(`reject showed an error toast: ${errors[0].text}`)
  s.rec.detail.statuses = await actionStatuses(s, ids)
  await s.shot('after-reject')
}

async function rebootCancel(s) {
  const ids = await submitReboot(s, s.h.links.minerCodes?.[2])
  if (await executedAlready(s, ids)) throw new Error('nothing left to cancel: the reboot already ran')
  await s.page.reload({ waitUntil: 'domcontentloaded' })
  await s.settle()
  await openSidebar(s.page)
  const cancel = s.page.waitForResponse((r) => r.url().includes('/auth/actions/voting/cancel'), { timeout: 30_000 })
  cancel.catch(() => {})
  await button(s.page, /^Cancel Request$/).click(FORCE)
  const res = await cancel
  s.rec.detail.cancel = { status: res.status(), body: await res.text().catch(() => '') }
  await s.expectToast(/cancel/i, 'cancel')
  const errors = (await s.toasts()).filter((t) => t.type === 'error')
  if (errors.length) s.fail(`cancel showed an error toast: ${errors[0].text}`)
  s.rec.detail.statuses = await actionStatuses(s, ids)
  await s.shot('after-cancel')
}

// Every ORK's miners must be reachable from the explorer: search a miner of the last ORK by its code.
async function everyOrkVisible(s) {
  const code = s.h.links.lastOrkMinerCode
  if (!code) return
  const page = await s.open('admin', '/operations/mining/explorer?tab=miner')
  await searchExplorer(s, page, code)
  await s.shot('searched')
  if (!await page.locator('.ant-table-row').filter({ hasText: code }).count()) {
    s.fail(`miner ${code} of the last ORK is not found by the explorer's search`)
  }
}

async function comments(s) {
  const page = await s.open('admin', '/operations/mining/explorer?tab=miner')
  await selectMiner(s, page, s.h.links.minerCodes?.[3])
  await page.locator('[class*="CommentButton"]').first().click(CLICK)
  const text = `ui-walk comment ${Date.now()}`
  await page.getByPlaceholder('Please enter new comments here...').first().fill(text)
  await button(page, /^Add Comment$/).click(CLICK)
  await s.settle()
  await s.shot('added')
  const errorsAfterAdd = (await s.toasts()).filter((t) => t.type === 'error')
  if (errorsAfterAdd.length) throw new Error(`adding showed an error toast: ${errorsAfterAdd[0].text}`)
  // Edit and delete on the device's comment history.
  const minerId = await findCommentedThing(s, text)
  if (!minerId) throw new Error('the added comment is not on any thing (GET /auth/list-things)')
  await s.open('admin', `/comments/${minerId}`)
  await s.page.getByText(text).first().waitFor(CLICK)
  await s.page.locator('.ant-table-row').filter({ hasText: text }).locator('.anticon-edit').first().click(CLICK)
  const edited = `${text} (edited)`
  const box = s.page.locator('.ant-modal textarea').first()
  await box.fill(edited)
  await s.page.locator('.ant-modal').getByRole('button', { name: /save|update|confirm|ok/i }).first().click(CLICK)
  await s.expectToast(/Comment updated successfully/, 'edit')
  await s.settle()
  await s.shot('edited')
  await s.page.locator('.ant-table-row').filter({ hasText: edited }).locator('.anticon-delete').first().click(CLICK)
  await s.page.locator('.ant-modal').getByRole('button', { name: /delete|confirm|yes|ok/i }).last().click(CLICK)
  await s.expectToast(/Comment deleted successfully/, 'delete')
  await s.settle()
  await s.shot('deleted')
  if (await findCommentedThing(s, text)) s.fail('the deleted comment is still on its thing')
}

async function findCommentedThing(s, text) {
  const fields = encodeURIComponent(JSON.stringify({ id: 1, comments: 1 }))
  const { json } = await s.api('GET', `/auth/list-things?limit=100000&fields=${fields}&overwriteCache=true`)
  const thing = (Array.isArray(json) ? json.flat() : []).find((t) => (t.comments ?? []).some((c) => String(c.comment).startsWith(text)))
  return thing?.id
}

async function productionCost(s) {
  const page = await s.open('admin', '/reports/financial/cost-input')
  const year = new Date().getUTCFullYear()
  await page.locator('.ant-select').first().click(CLICK)
  await page.locator('.ant-select-item-option', { hasText: String(year) }).first().click(CLICK)
  await page.waitForTimeout(500)
  const input = page.locator('.ant-table-row').first().locator('input').first()
  const value = String(1000 + (Date.now() % 9000))
  await input.fill(value)
  await button(page, /^Save Costs$/).click(CLICK)
  await s.expectToast(/Cost data saved/, 'save')
  await s.settle()
  await s.shot('saved')
  const { json } = await s.api('GET', `/auth/global/data?type=productionCosts&overwriteCache=true`)
  const saved = (Array.isArray(json) ? json : []).find((r) => r.year === year && r.month === 1)
  s.rec.detail = { saved }
  if (!saved || !Object.values(saved).map(String).includes(value)) s.fail(`the saved cost ${value} is not stored for January ${year}: ${JSON.stringify(saved)}`)
  await s.page.reload({ waitUntil: 'domcontentloaded' })
  await s.settle()
  await s.page.locator('.ant-select').first().click(CLICK)
  await s.page.locator('.ant-select-item-option', { hasText: String(year) }).first().click(CLICK)
  await s.page.waitForTimeout(500)
  const shown = await s.page.locator('.ant-table-row').first().locator('input').first().inputValue()
  if (shown.replace(/\D/g, '') !== value) s.fail(`after a reload the cost input shows '${shown}', not ${value}`)
  await s.shot('reloaded')
}

async function autoSleep(s) {
  const page = await s.open('admin', '/settings/dashboard')
  const before = await s.api('GET', '/auth/global-config?overwriteCache=true')
  const toggle = button(page, /(Enable|Disable) container automation/)
  // The button shows a spinner until GET /auth/global-config has answered.
  await toggle.waitFor({ timeout: 30_000 }).catch(() => {})
  if (!await toggle.count()) throw new Error('no "Enable/Disable container automation" button (featureConfig.containerAutomationControl off?)')
  await page.locator('button.ant-btn-loading').filter({ hasText: /container automation/ }).waitFor({ state: 'detached', timeout: 30_000 }).catch(() => {})
  await toggle.click(CLICK)
  await page.locator('.ant-popover, .ant-popconfirm').getByRole('button', { name: /ok|yes|confirm/i }).last().click(CLICK)
  await s.expectToast(/Container automation (enabled|disabled)/, 'toggle')
  await s.settle()
  await s.shot('toggled')
  const after = await s.api('GET', '/auth/global-config?overwriteCache=true')
  s.rec.detail = { before: before.json, after: after.json }
  if (JSON.stringify(before.json) === JSON.stringify(after.json)) s.fail('global-config did not change')
}

async function users(s) {
  const email = `walker${Date.now() % 100000}@example.com`
  const flags = await s.api('GET', '/auth/features?overwriteCache=true')
  let usersPath = '/settings/users'
  if (!flags.json?.userManagement) {
    // The page needs the feature flag userManagement; the UI's own URL override turns it on so that the rest of
    // the flow is still exercised.
    s.fail('/settings/users is "Page Not Found": the flag userManagement is off (GET /auth/features)')
    usersPath += '?features=userManagement'
  }
  const page = await s.open('admin', usersPath)
  await button(page, /^Add User$/).click(CLICK)
  const modal = page.locator('.ant-modal').filter({ hasText: 'Add user' })
  await modal.getByPlaceholder('Email').fill(email)
  await modal.locator('.ant-select').click(CLICK)
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /read/i }).first().click(CLICK)
  await button(modal, /^Add User$/).click(CLICK)
  await s.settle()
  await s.shot('created')
  const row = page.locator('.ant-table-row').filter({ hasText: email })
  await row.first().waitFor(CLICK)
  // Update: change the role through the row's select, then confirm.
  await row.locator('.ant-select').first().click(CLICK)
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /operator/i }).first().click(CLICK)
  // The dialog zooms in: wait for it before clicking its button.
  const confirmRole = page.locator('.ant-modal:visible').filter({ hasText: 'Confirm Role Change' })
  await confirmRole.waitFor(CLICK)
  await page.waitForTimeout(500)
  await confirmRole.locator('button').filter({ hasText: /^Confirm$/ }).first().click(CLICK)
  await confirmRole.waitFor({ state: 'hidden', timeout: 15_000 }).catch(() => {})
  await s.settle()
  await s.shot('updated')
  const list = await s.api('GET', '/auth/users?overwriteCache=true')
  const user = (Array.isArray(list.json) ? list.json : list.json?.users ?? []).find((u) => u.email === email)
  s.rec.detail = { afterUpdate: user }
  if (!user) s.fail(`created user ${email} is not in GET /auth/users`)
  else if (!/operator/.test(user.role ?? '')) s.fail(`role change not stored: ${JSON.stringify(user)}`)
  await row.locator('button').filter({ hasText: /^Delete$/ }).first().click(FORCE)
  const confirmDelete = page.locator('.ant-modal:visible').filter({ hasText: `delete ${email}` })
  await confirmDelete.waitFor(CLICK)
  await page.waitForTimeout(500)
  await confirmDelete.locator('button').filter({ hasText: /confirm|ok|delete|yes/i }).last().click(CLICK)
  await s.settle()
  await s.shot('deleted')
  const after = await s.api('GET', '/auth/users?overwriteCache=true')
  if ((Array.isArray(after.json) ? after.json : after.json?.users ?? []).some((u) => u.email === email)) s.fail(`deleted user ${email} is still listed`)
  const errors = (await s.toasts()).filter((t) => t.type === 'error')
  if (errors.length) s.fail(`user management showed an error toast: ${errors[0].text}`)
}

async function featureFlags(s) {
  const page = await s.open('admin', '/settings/dashboard')
  const flag = `uiWalk${Date.now() % 100000}`
  await page.getByPlaceholder(/Add new feature flag/).fill(flag)
  await button(page, /^Add flag$/).click(CLICK)
  await button(page, /^Save$/).click(CLICK)
  await s.expectToast(/Feature flags updated successfully|Submitted feature flags/, 'save')
  await s.settle()
  await s.shot('saved')
  const { json } = await s.api('GET', '/auth/features?overwriteCache=true')
  s.rec.detail = { features: json }
  if (!json || !(flag in json)) s.fail(`saved flag ${flag} is not in GET /auth/features`)
}

// The requests AddSparePartModal, MoveSparePartModal and ConfirmDeleteSparePartModal send (src/Components/Inventory/
// SpareParts/*: registerThing, updateThing with the part's id tag, forgetThings by id), each approved by the second
// admin; the spare-parts page must then list the part, show its move, and lose it.
async function spareParts(s) {
  s.rec.detail = {}
  const racks = (await s.api('GET', '/auth/list-racks?type=inventory&overwriteCache=true')).json.flat()
  const rack = racks.find((r) => r.type === 'inventory-miner_part-psu')?.id
  if (!rack) throw new Error(`no PSU part rack in ${JSON.stringify(racks).slice(0, 200)}`)
  const serial = `PSWALK${Date.now() % 1_000_000}`
  const run = async (action, params, tags) => {
    const body = { type: 'voting', action, params, actionType: 'miner', query: { tags: tags ? { $in: tags } : {} } }
    const pushed = await s.api('POST', '/auth/actions/voting', body)
    const id = pushed.json?.[0]?.id
    if (!id) throw new Error(`${action} was not accepted: ${JSON.stringify(pushed.json).slice(0, 300)}`)
    const vote = await s.api('PUT', `/auth/actions/voting/${id}/vote`, { approve: true }, 'admin2')
    if (vote.json?.[0]?.success !== 1) throw new Error(`approving ${action}: ${JSON.stringify(vote.json)}`)
    for (let i = 0; i < 40; i++) {
      const statuses = (await actionStatuses(s, [id]))[id]
      if (statuses.includes('COMPLETED')) return
      if (statuses.some((st) => /FAILED|DENIED/.test(st))) throw new Error(`${action} ended ${statuses}`)
      await new Promise((r) => setTimeout(r, 1000))
    }
    throw new Error(`${action} did not run within 40 s`)
  }
  const part = async () => (await s.api('GET', `/auth/list-things?overwriteCache=true&query=${encodeURIComponent(
    JSON.stringify({ 'info.serialNum': serial }))}`)).json?.[0]?.[0]
  await run('registerThing', [{ rackId: rack, info: { parentDeviceModel: 'am', site: 'demo-site', subType: 'APW12',
    serialNum: serial, location: 'site.warehouse', status: 'ok_brand_new' }, comment: 'walk', tags: ['site-demo-site'] }])
  const added = await part()
  if (!added) throw new Error(`the registered part ${serial} is not listed`)
  s.rec.detail.added = { id: added.id, code: added.code }
  // the page's own reads of the parts (its table pages and sorts them itself) must hold the new part; listened
  // for on the browser context, since opening the page is what makes them (a reload would sign in again and land
  // on the dashboard). Opened as the second admin: the super admin's browser searched the explorer earlier, and
  // the page filters by that shared, persisted search (devicesSlice filterTags, Views/Inventory/SpareParts/
  // SpareParts.tsx:80,106,307)
  const reads = []
  const onResponse = (r) => {
    if (/\/auth\/list-things/.test(r.url()) && /miner_part/.test(decodeURIComponent(r.url()))) {
      reads.push(r.text().then((body) => ({ url: decodeURIComponent(r.url()).slice(0, 300), has: body.includes(added.code) }),
        () => ({ url: decodeURIComponent(r.url()).slice(0, 300), has: null })))
    }
  }
  s.h.contexts.admin2.on('response', onResponse)
  try {
    await s.open('admin2', '/inventory/spare-parts')
    await s.shot('added')
  } finally {
    s.h.contexts.admin2.off('response', onResponse)
  }
  const seen = await Promise.all(reads)
  s.rec.detail.pageReads = seen
  if (!seen.some((r) => r.has)) s.fail(`the spare-parts page's reads do not hold the new part ${added.code}: ${JSON.stringify(seen).slice(0, 300)}`)
  await run('updateThing', [{ id: added.id, rackId: rack, info: { location: 'workshop.lab', status: 'faulty' },
    comment: 'walk move' }], [`id-${added.id}`])
  const moved = await part()
  if (moved?.info?.location !== 'workshop.lab') s.fail(`the move did not take: ${JSON.stringify(moved?.info)}`)
  await run('forgetThings', [{ rackId: rack, query: { id: added.id } }])
  if (await part()) s.fail(`the deleted part ${serial} is still listed`)
  const errors = (await s.toasts()).filter((t) => t.type === 'error')
  if (errors.length) s.fail(`the spare-parts page showed an error toast: ${errors[0].text}`)
}
