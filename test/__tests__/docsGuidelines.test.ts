/**
 * docs/README.md (the App Store page) in the sections VTEX's "Documentation guidelines" ask for
 * (developers.vtex.com, vtex-io-documentation-docs-guidelines: Before you begin, Installation,
 * Configuration, Customization with "a table with the available CSS handles"; the engineering
 * guidelines add answers to frequently asked questions), its CSS handles table equal to the handles
 * the blocks really use, and CHANGELOG.md in the shape `vtex release` maintains.
 */
import { readdirSync, readFileSync, statSync } from 'fs'
import { join, relative } from 'path'

const ROOT = join(__dirname, '..', '..')
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8')

/** Every .ts/.tsx source file under react/ that ships (no tests, mocks or typings). */
function reactSources(dir = join(ROOT, 'react')): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return ['__tests__', '__mocks__', 'typings', 'node_modules'].includes(name) ? [] : reactSources(path)
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : []
  })
}

/** The handles `useCssHandles` is called with anywhere in react/: inline lists, or `export const X = [...] as const` lists (spreads followed). */
function handlesInCode(): Map<string, string[]> {
  const sources = reactSources().map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }))
  const lists = new Map<string, string>()
  for (const { text } of sources) for (const match of text.matchAll(/export const (\w+)\s*=\s*\[([^\]]*)\]\s*as const/g)) lists.set(match[1], match[2])
  const resolve = (body: string, seen: string[] = []): string[] =>
    body
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean)
      .flatMap((item) => {
        const literal = /^['"]([^'"]+)['"]$/.exec(item)
        if (literal) return [literal[1]]
        const spread = /^\.\.\.(\w+)$/.exec(item)
        if (spread && lists.has(spread[1]) && !seen.includes(spread[1])) return resolve(lists.get(spread[1])!, [...seen, spread[1]])
        throw new Error(`cannot read CSS handle list item ${item}`)
      })
  const found = new Map<string, string[]>()
  for (const { path, text } of sources)
    for (const match of text.matchAll(/useCssHandles\(\s*(\[[^\]]*\]|\w+)/g)) {
      const argument = match[1]
      const handles = argument.startsWith('[') ? resolve(argument.slice(1, -1)) : lists.has(argument) ? resolve(lists.get(argument)!) : undefined
      if (!handles) throw new Error(`${path}: useCssHandles(${argument}) names no list this test can read`)
      for (const handle of handles) found.set(handle, [...(found.get(handle) ?? []), path])
    }
  return found
}

const docs = read('docs/README.md')
const section = (title: string) => {
  const start = docs.indexOf(`\n## ${title}\n`)
  if (start === -1) return ''
  const next = docs.indexOf('\n## ', start + 1)
  return docs.slice(start, next === -1 ? undefined : next)
}

describe('docs/README.md', () => {
  it("has the guidelines' sections, in their order, with an FAQ", () => {
    const headings = [...docs.matchAll(/^## (.+)$/gm)].map((match) => match[1])
    const wanted = ['Before you begin', 'Installation', 'Configuration', 'Customization']
    expect(wanted.filter((title) => headings.includes(title))).toEqual(wanted)
    expect(wanted.map((title) => headings.indexOf(title))).toEqual([...wanted.map((title) => headings.indexOf(title))].sort((a, b) => a - b))
    expect(headings.at(-1)).toBe('FAQ')
  })

  it('lists in Customization exactly the CSS handles the blocks use', () => {
    const inCode = handlesInCode()
    expect(inCode.size).toBeGreaterThan(5)
    const inTable = [...section('Customization').matchAll(/^\| `([A-Za-z0-9-]+)` \|/gm)].map((match) => match[1])
    expect(new Set(inTable).size).toBe(inTable.length)
    expect([...inTable].sort()).toEqual([...inCode.keys()].sort())
  })

  it('links VTEX\'s CSS handles guide and shows theme CSS VTEX accepts (no ">" combinator)', () => {
    expect(section('Customization')).toContain('https://developers.vtex.com/docs/guides/vtex-io-documentation-using-css-handles-for-store-customization')
    const snippets = [...docs.matchAll(/`(\.[^`]*\{[^`]*\})`/g)].map((match) => match[1])
    expect(snippets.length).toBeGreaterThan(1)
    for (const css of snippets) expect([css, css.includes('>')]).toEqual([css, false])
  })
})

describe('CHANGELOG.md', () => {
  const changelog = read('CHANGELOG.md')

  it('follows Keep a Changelog with an [Unreleased] section, as `vtex release` expects', () => {
    expect(changelog).toMatch(/^# Changelog\n/)
    expect(changelog).toContain('https://keepachangelog.com/en/1.0.0/')
    expect(changelog).toMatch(/^## \[Unreleased\]$/m)
    const unreleased = changelog.slice(changelog.indexOf('## [Unreleased]'))
    const body = unreleased.slice('## [Unreleased]'.length).split(/^## /m)[0]
    expect(body).toMatch(/^### (Added|Changed|Deprecated|Removed|Fixed|Security)$/m)
    for (const [, heading] of body.matchAll(/^### (.+)$/gm)) expect(['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security']).toContain(heading)
  })
})
