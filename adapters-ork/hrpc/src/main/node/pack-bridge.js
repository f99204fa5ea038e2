'use strict'

// Build step: packs the installed hrpc bridge (script + production node_modules) into ONE jar resource,
// bridge.pack, so the jar carries one entry instead of ~500 (class-path scans and jar opening stay fast). Format:
//
//   miningos-hrpc-bridge-pack 1\n
//   version\t<sha256 hex>\n            the content version the gateway unpacks under
//   <size>\t<relative path>\n          one line per file, in the order their bytes follow
//   \n                                 an empty line ends the header
//   <the files' bytes, concatenated>
//
// The version hashes every file's path and content (path \0 content \0, in header order); the gateway checks it
// again while unpacking.
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
  const contents = []
  let total = 0
  for (const relative of files) {
    if (/[\t\n\r]/.test(relative)) throw new Error(`unsupported file name: ${JSON.stringify(relative)}`)
    const content = fs.readFileSync(path.join(source, relative))
    hash.update(relative).update('\0').update(content).update('\0')
    lines.push(`${content.length}\t${relative}`)
    contents.push(content)
    total += content.length
  }
  const version = hash.digest('hex')
  const header = `miningos-hrpc-bridge-pack 1\nversion\t${version}\n${lines.join('\n')}\n\n`
  fs.mkdirSync(output, { recursive: true })
  fs.writeFileSync(path.join(output, 'bridge.pack'), Buffer.concat([Buffer.from(header, 'utf8'), ...contents]))
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
