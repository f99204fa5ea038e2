// Findings that are legitimately expected. Each entry: kind ('request', 'console', 'pageerror', 'pending',
// 'toast', 'boundary', 'empty', 'notfound', 'loading', 'crash', 'skipped'), optional role and page (RegExp on the
// page path), match (RegExp on the finding's text) and why. Never add an entry to hide a bug of the gateway or
// the simulator: an entry must say why the UI is right to show this on a healthy site.
export const ALLOW = [
  // Multi-site views (run.sh --multi-site): empty states the UI shows by its own design or bugs (contract
  // shared/spec/UI-MULTISITE.md, the section named in each entry).
  {
    kind: 'empty', page: /^(\/sites\/[a-z0-9]+)?\/revenue-and-cost\/cost-input$/, match: /^No data$/,
    why: 'Cost Input lists the sites only once a month is picked in its month select (MultiSiteViews/RevenueAndCost/CostInput/CostInput.tsx); the walk picks none',
  },
  {
    kind: 'pending', page: /^(\/sites\/[a-z0-9]+)?\/site-reports\/report\?/, match: /^GET \/auth\/actions\?/,
    why: "the report pages keep polling /auth/actions (the shared layout's pending-actions hook) while the browser renders dozens of charts; the gateway answers each poll in 1-7 ms (gateway.log), the poll was simply in flight when the page was measured",
  },
  {
    kind: 'empty', page: /^\/revenue-and-cost\/cost$/, match: /^No data available for the selected period$/,
    why: "UI bugs (contract §5.5, §5.7): the Cost page's revenue-vs-cost chart tests a 'value' property rows never have, and its Production Cost/Price chart is handed the reduced cost object instead of rows",
  },
  {
    kind: 'empty', page: /^\/sites\/[a-z0-9]+\/revenue-and-cost\/energy-cost$/, match: /^No data available for the selected period$/,
    why: 'UI bug (contract §5.5): Energy Cost draws its revenue-vs-cost bars only when some value is negative',
  },
  {
    kind: 'empty', page: /^\/(operations\/mining(\/explorer)?(\?tab=(container|miner))?|explorer)$/,
    match: /^No data selected, please select filter$/,
    why: 'the explorer lists containers and miners only after a search or filter (the action steps search)',
  },
  {
    kind: 'empty', page: /^\/operations\/mining\/explorer\/containers\/container-[^/]+\/(home|parameters|alarm|controls)$/,
    match: /^No active alarm or event$/,
    why: 'a status line: this container has no active alarm right now',
  },
  {
    kind: 'empty', page: /^\/cabinets\//, match: /^No active incidents$/,
    why: 'a status line: this LV cabinet has no active incident right now',
  },
  {
    kind: 'notfound', page: /^\/explorer$/, match: /^\/operations\/mining\/explorer$/,
    why: "the UI's own backward-compatibility redirect drops the ?tab= that its explorer requires (src/Views/Explorer/Explorer.tsx:65-73)",
  },
  {
    kind: 'empty', role: 'readonly', page: /^\/settings(\/dashboard)?$/, match: /^Update feature flags not enabled$/,
    why: "a read-only user may not edit feature flags: the UI shows this instead of the editor when the caller lacks the 'features' capability (Components/Settings/FeatureFlagsSettings/FeatureFlagsSettings.tsx:71, hooks/usePermissions.ts)",
  },
  {
    kind: 'pageerror', page: /^\/(operations(\/energy)?|cabinet-widgets|alerts\/[^/]+)$/,
    match: /^during the full-page screenshot: Minified React error #185/,
    why: "the UI's own: the full-page screenshot emulates a taller viewport, antd's responsive observer (useBreakpoint) then sets state in every subscribed component at once and React gives up ('Maximum update depth exceeded', seen in a development build of the pinned UI). It happens with every /auth answer frozen to its first bytes, at widths 1400, 1600 and 1700, and never while the page just polls for minutes or the window is resized by setViewportSize; see FINDINGS.md item 9",
  },
  {
    kind: 'empty', page: /^\/reports\/financial\/energy-revenue-cost$/, match: /^No data available( at the moment)?$/,
    why: "the UI's own single-site limits on this multi-site page: its revenue and power charts read operations/consumption, costs/operational-energy and revenue, which useEnergyCostData skips unless featureConfig.isMultiSiteModeEnabled (hooks/useEnergyCostData.ts:106), and its 'Monthly Average Downtime' chart is a static empty state in single-site mode (MultiSiteViews/Charts/AverageDowntimeChart.tsx:104-113); the two rate cards it can fill come from /auth/downtime/*",
  },
  {
    kind: 'empty', page: /^\/reports\/financial\/cost-input$/, match: /^No data$/,
    why: 'the cost input lists months only once a year is picked; its year starts empty (Views/Financial/CostInput/CostInput.tsx:110,127). The action step picks a year and finds the stored costs',
  },
  {
    kind: 'empty', page: /^\/reports\/financial\/energy-balance$/, match: /^No data available at the moment$/,
    why: "the 'Average Downtime' chart of Energy Balance, the UI's own arithmetic: it reads the powermeter's daily site_power_w as a mean (Views/Financial/EnergyBalance/EnergyBalance.helpers.ts:82) while the ORK's daily value of this sum-type field is the sum over the day's intervals with aggrIntervals beside it (ORK.md 5.4), which the UI's other pages divide by (app/utils/powerConsumptionUtils.ts:71-74); and it asks the electricity worker for monthly records (groupRange 1M) but looks them up by day (EnergyBalance.helpers.ts:88-92). Its operational-issue share is then negative, clamped to 0 (:32-45), and the chart stays empty; the page's revenue chart and cards are filled",
  },
]
