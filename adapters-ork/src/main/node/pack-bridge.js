'use strict'

// Build step: copies the installed hrpc bridge (script + production node_modules) into the jar's resources and
// writes bridge.manifest, which lists every file and names the content version the gateway extracts under.
//
// Usage: node pack-bridge.js <installed bridge dir> <output resource dir>
//
// Native add-ons ship prebuilt binaries for many platforms; only those a gateway site can run are kept
// (Linux, macOS and Windows on x64/arm64), and only the Node.js builds (.node), not those for the Bare runtime.

const fs = require('fs')
const path = require('path')
const crypto = require('crypto')

const KEPT_PLATFORMS = new Set(['linux-x64', 'linux-arm64', 'darwin-x64', 'darwin-arm64', 'win32-x64', 'win32-arm64'])
const TOP_LEVEL = ['bridge.js', 'package.json', 'package-lock.json', 'node_modules']

function main () {
  const [source, output] = process.argv.slice(2)
  if (!source || !output) throw new Error('usage: node pack-bridge.js <installed bridge dir> <output resource dir>')
  if (!fs.existsSync(path.join(source, 'node_modules'))) {
    throw new Error(`${source}/node_modules is missing: run npm ci there first`)
  }

  const files = []
  for (const entry of TOP_LEVEL) collect(source, entry, files)
  files.sort()

  fs.rmSync(output, { recursive: true, force: true })
  const hash = crypto.createHash('sha256')
  const lines = []
  let total = 0
  for (const relative of files) {
    if (/[\t\n\r]/.test(relative)) throw new Error(`unsupported file name: ${JSON.stringify(relative)}`)
    const content = fs.readFileSync(path.join(source, relative))
    hash.update(relative).update('\0').update(content).update('\0')
    const target = path.join(output, relative)
    fs.mkdirSync(path.dirname(target), { recursive: true })
    fs.writeFileSync(target, content)
    lines.push(`${content.length}\t${relative}`)
    total += content.length
  }
  const version = hash.digest('hex')
  fs.writeFileSync(path.join(output, 'bridge.manifest'), `version\t${version}\n${lines.join('\n')}\n`)
  console.log(`hrpc bridge packed: ${files.length} files, ${(total / 1048576).toFixed(1)} MiB, version ${version.slice(0, 16)}`)
}

function collect (root, relative, files) {
  const full = path.join(root, relative)
  const stat = fs.lstatSync(full)
  if (stat.isSymbolicLink()) return // npm's .bin links: the bridge runs no package binaries
  if (stat.isFile()) {
    if (!isUnusedPrebuild(relative)) files.push(relative.split(path.sep).join('/'))
    return
  }
  if (!stat.isDirectory()) return
  const parts = relative.split(path.sep)
  if (parts.length >= 2 && parts[parts.length - 2] === 'prebuilds' && !KEPT_PLATFORMS.has(parts[parts.length - 1])) return
  for (const name of fs.readdirSync(full)) collect(root, path.join(relative, name), files)
}

function isUnusedPrebuild (relative) {
  return relative.split(path.sep).includes('prebuilds') && relative.endsWith('.bare')
}

main()
