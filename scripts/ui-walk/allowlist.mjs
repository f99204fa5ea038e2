// Findings that are legitimately expected. Each entry: kind ('request', 'console', 'pageerror', 'pending',
// 'toast', 'boundary', 'empty', 'notfound', 'loading', 'crash', 'skipped'), optional role and page (RegExp on the
// page path), match (RegExp on the finding's text) and why. Never add an entry to hide a bug of the gateway or
// the simulator: an entry must say why the UI is right to show this on a healthy site.
export const ALLOW = [
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
]
