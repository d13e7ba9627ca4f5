import { readdirSync, readFileSync, statSync } from 'fs'
import { dirname, join, relative, resolve, sep } from 'path'
import * as ts from 'typescript'

/**
 * The layout as a rule (issue 18): node/'s folders form no cycle, and only the Service's wiring
 * (node/index.ts) imports an event handler or a resolver. Tests and fixtures are left out: they
 * may reach anything they exercise.
 */
const NODE = resolve(__dirname, '..')
const ENTRY_POINTS = new Set(['events', 'resolvers'])
const SERVICE = 'index.ts'

const isSource = (path: string) => /\.tsx?$/.test(path) && !/\.d\.ts$/.test(path)
const skipped = (name: string) => name === 'node_modules' || name === '__tests__' || name === '__fixtures__' || name === 'typings'

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return skipped(name) ? [] : sourceFiles(path)
    return isSource(name) ? [path] : []
  })
}

/** The folder of a file under node/ (its first path segment); node/'s own files (index.ts, service.json) stand for themselves. */
const folderOf = (file: string) => relative(NODE, file).split(sep)[0]

export type FolderGraph = Map<string, Map<string, string>>

/** folder → (imported folder → one file that imports it, for the message). */
function folderGraph(files: string[]): FolderGraph {
  const graph: FolderGraph = new Map()
  for (const file of files) {
    const from = folderOf(file)
    const edges = graph.get(from) ?? new Map<string, string>()
    graph.set(from, edges)
    for (const { fileName } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      if (!fileName.startsWith('.')) continue
      const target = resolve(dirname(file), fileName)
      if (!target.startsWith(NODE + sep)) continue
      const to = folderOf(target)
      if (to !== from && !edges.has(to)) edges.set(to, relative(NODE, file))
    }
  }
  return graph
}

/** Every elementary cycle would be many; one cycle per strongly connected part is enough to fix it. */
export function folderCycles(graph: FolderGraph): string[][] {
  const cycles: string[][] = []
  const done = new Set<string>()
  const visit = (node: string, path: string[]) => {
    const at = path.indexOf(node)
    if (at >= 0) return void cycles.push([...path.slice(at), node])
    if (done.has(node)) return
    for (const next of graph.get(node)?.keys() ?? []) visit(next, [...path, node])
    done.add(node)
  }
  for (const node of [...graph.keys()].sort()) visit(node, [])
  return cycles
}

const describeCycle = (graph: FolderGraph, cycle: string[]) =>
  cycle.slice(0, -1).map((folder, index) => `${folder} → ${cycle[index + 1]} (${graph.get(folder)?.get(cycle[index + 1])})`).join(', ')

const graph = folderGraph(sourceFiles(NODE))

it('node/ has no folder cycle', () => {
  expect(folderCycles(graph).map((cycle) => describeCycle(graph, cycle))).toEqual([])
})

/** Imports of events/ or resolvers/ from anywhere but the Service's own file (each other included). */
export const entryPointImports = (graph: FolderGraph): string[] =>
  [...graph.entries()]
    .filter(([from]) => from !== SERVICE)
    .flatMap(([from, edges]) => [...edges.entries()].filter(([to]) => ENTRY_POINTS.has(to) && to !== from).map(([to, file]) => `${file} imports ${to}/`))

it('only the Service (node/index.ts) imports an event handler or a resolver', () => {
  expect(entryPointImports(graph)).toEqual([])
})

it('reads the real tree (the check is not vacuous)', () => {
  expect(graph.get(SERVICE)?.has('events')).toBe(true)
  expect(graph.get('delivery')?.has('deliveryStore')).toBe(true)
})

it('finds a planted import of a resolver', () => {
  const planted: FolderGraph = new Map([
    [SERVICE, new Map([['resolvers', SERVICE]])],
    ['admin', new Map([['resolvers', 'admin/health.ts']])],
    ['events', new Map([['resolvers', 'events/appSetup.ts']])],
  ])
  expect(entryPointImports(planted)).toEqual(['admin/health.ts imports resolvers/', 'events/appSetup.ts imports resolvers/'])
})

it('finds a planted cycle and names its files', () => {
  const planted: FolderGraph = new Map([
    ['delivery', new Map([['scheduled', 'delivery/pipeline.ts']])],
    ['scheduled', new Map([['deliveryStore', 'scheduled/scheduledRun.ts']])],
    ['deliveryStore', new Map([['delivery', 'deliveryStore/ledger.ts']])],
    ['lib', new Map()],
  ])
  const cycles = folderCycles(planted)
  expect(cycles).toHaveLength(1)
  expect(describeCycle(planted, cycles[0])).toBe(
    'delivery → scheduled (delivery/pipeline.ts), scheduled → deliveryStore (scheduled/scheduledRun.ts), deliveryStore → delivery (deliveryStore/ledger.ts)'
  )
})
