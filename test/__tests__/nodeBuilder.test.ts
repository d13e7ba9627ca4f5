/**
 * node/ as the VTEX node builder 7.x receives and compiles it: the files `vtex link` uploads,
 * installed from node/package.json alone, type-checked with the builder's documented toolchain
 * (VTEX docs, "Node builder": 7.x | Node.js 20.x | @types/node 20.0.0 | TypeScript 5.5.3).
 */
import { execFileSync } from 'child_process'
import { readFileSync, writeFileSync } from 'fs'
import { join } from 'path'
import { importedPackages, ROOT, stageForBuilder, uploadedFiles, type StagedApp } from '../builders/stageForBuilder'

jest.setTimeout(120_000)

const NODE_BUILDER_TOOLCHAIN = { typescript: 'typescript-node-builder', '@types/node': 'types-node-builder' }
const nodePackage = JSON.parse(readFileSync(join(ROOT, 'node', 'package.json'), 'utf8'))

/** `tsc -p node` in the staged app; the compiler's output, or '' when it compiles. */
function compile(staged: StagedApp): string {
  try {
    execFileSync(process.execPath, [staged.path('node/node_modules/typescript/bin/tsc'), '-p', staged.path('node/tsconfig.json'), '--preserveSymlinks'], {
      cwd: staged.path('node'),
      encoding: 'utf8',
      stdio: 'pipe',
    })
    return ''
  } catch (error) {
    return String((error as { stdout?: string }).stdout || (error as Error).message)
  }
}

let staged: StagedApp
beforeAll(() => {
  staged = stageForBuilder('node', NODE_BUILDER_TOOLCHAIN)
})
afterAll(() => staged?.remove())

describe('what vtex link sends to the node builder', () => {
  const files = uploadedFiles('node')

  it('is the service only: no tests, fixtures, mocks or local tooling', () => {
    expect(files).toContain('node/index.ts')
    expect(files).toContain('node/service.json')
    expect(files).toContain('node/package.json')
    expect(files.filter((file) => /__tests__|__fixtures__|__mocks__|\.test\.|\/cli\/|tsconfig\.local/.test(file))).toEqual([])
  })

  it('imports only packages node/package.json declares (the builder installs nothing else)', () => {
    const declared = new Set(Object.keys(nodePackage.dependencies))
    const undeclared = files
      .filter((file) => file.endsWith('.ts'))
      .flatMap((file) => importedPackages(readFileSync(join(ROOT, file), 'utf8')).map((name) => `${file}: ${name}`))
      .filter((entry) => !declared.has(entry.split(': ')[1]))
    expect(undeclared).toEqual([])
  })
})

describe('compiled with the node builder 7.x toolchain', () => {
  it('runs TypeScript 5.5.3 against @types/node 20.0.0', () => {
    expect(JSON.parse(readFileSync(staged.path('node/node_modules/typescript/package.json'), 'utf8')).version).toBe('5.5.3')
    expect(JSON.parse(readFileSync(staged.path('node/node_modules/@types/node/package.json'), 'utf8')).version).toBe('20.0.0')
  })

  it('type-checks without an error', () => {
    expect(compile(staged)).toBe('')
  })

  it('would refuse a Node API newer than its @types/node (the check is real)', () => {
    const probe = staged.path('node/toolchainProbe.ts')
    writeFileSync(probe, "import { hash } from 'crypto'\nexport const probe = hash('sha256', 'x', 'hex')\n")
    try {
      expect(compile(staged)).toMatch(/toolchainProbe\.ts.*'"crypto"' has no exported member named 'hash'/)
    } finally {
      writeFileSync(probe, 'export {}\n')
    }
  })
})
