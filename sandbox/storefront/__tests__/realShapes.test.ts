/**
 * Our code takes from vtex.* modules only what realShapes.ts records, with its public source, and
 * everything that stands in for those modules says which real files it follows:
 * - every vtex.* import in react/ and the sandbox's pages is a recorded export of a recorded module;
 * - the manifest depends on each module's app at the major of the version read;
 * - the esbuild aliases and jest's moduleNameMapper use the recorded stand-ins;
 * - each stand-in and typing cites, in its header, every source of what it stands for;
 * - each typing declares the recorded exports and nothing a block could read beyond the record;
 * - pixel events are built in one place, and listened to only when recorded.
 * react/__tests__/realShapes.test.tsx checks the stand-ins' values, react/__tests__/blockReads.test.tsx
 * what the blocks read.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'fs'
import path from 'path'
import ts from 'typescript'

import { VTEX_SHIMS } from '../build'
import { citation, OTHER_DEPENDENCIES, REAL_LIBRARIES, REAL_MODULES, REAL_PIXEL_EVENTS, realModule } from '../shims/realShapes'
import { shapeAt } from '../shims/shapes'
import { declaredModules } from './typingPaths'

const ROOT = path.resolve(__dirname, '../../..')
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8')
const manifest = JSON.parse(read('manifest.json')) as { dependencies: Record<string, string> }

const sourceFiles = (dir: string): string[] =>
  readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const file = path.join(dir, name)
    if (statSync(path.join(ROOT, file)).isDirectory())
      return ['__tests__', '__mocks__', 'typings', 'node_modules'].includes(name) ? [] : sourceFiles(file)
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [file] : []
  })

/** The code that imports vtex.* modules as a real store would: the app's react/ and the sandbox's pages. */
const CONSUMERS = [...sourceFiles('react'), ...sourceFiles('sandbox/storefront/pages'), ...sourceFiles('sandbox/admin')]

interface VtexImport {
  file: string
  specifier: string
  /** Imported value names ('default' for a default import); '*' for a namespace import. */
  values: string[]
}

const vtexImports = (file: string): VtexImport[] => {
  const source = ts.createSourceFile(
    file,
    read(file),
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS
  )
  const found: VtexImport[] = []
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && node.moduleSpecifier.text.startsWith('vtex.')) {
      const clause = node.importClause
      const values: string[] = []
      if (clause && !clause.isTypeOnly) {
        if (clause.name) values.push('default')
        const bindings = clause.namedBindings
        if (bindings && ts.isNamespaceImport(bindings)) values.push('*')
        if (bindings && ts.isNamedImports(bindings))
          for (const element of bindings.elements) if (!element.isTypeOnly) values.push((element.propertyName || element.name).text)
      }
      found.push({ file, specifier: node.moduleSpecifier.text, values })
    }
    // import('vtex.x') and require('vtex.x') would bypass the record.
    if (
      ts.isCallExpression(node) &&
      node.arguments.length === 1 &&
      ts.isStringLiteral(node.arguments[0]) &&
      node.arguments[0].text.startsWith('vtex.')
    ) {
      const callee = node.expression
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require'))
        found.push({ file, specifier: node.arguments[0].text, values: ['*'] })
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

const IMPORTS = CONSUMERS.flatMap(vtexImports)
const HOW_TO_RECORD =
  'read it in the real app at the major the manifest depends on, and record it with its source in sandbox/storefront/shims/realShapes.ts'

/** The leading comment of a file. */
const header = (file: string) => /^(?:import[^\n]*\n|\s)*\/\*\*([\s\S]*?)\*\//.exec(read(file))?.[1] || ''

describe('what our code imports from vtex.* modules is recorded', () => {
  it('finds the imports (the scan is not blind)', () => {
    expect(IMPORTS.map((entry) => entry.specifier)).toEqual(
      expect.arrayContaining(['vtex.render-runtime', 'vtex.css-handles', 'vtex.order-manager/OrderForm', 'vtex.styleguide'])
    )
  })

  it('each imported module is a recorded module or library', () => {
    const known = new Set([...REAL_MODULES.map((module) => module.specifier), ...REAL_LIBRARIES.map((library) => library.specifier)])
    const unknown = IMPORTS.filter((entry) => !known.has(entry.specifier)).map(
      (entry) => `${entry.file}: ${entry.specifier} (${HOW_TO_RECORD})`
    )
    expect(unknown).toEqual([])
  })

  it('each imported value is a recorded export, imported by name (no namespace, dynamic import or require)', () => {
    const unrecorded = IMPORTS.flatMap((entry) => {
      const module = realModule(entry.specifier)
      if (!module) return entry.values.includes('*') ? [`${entry.file}: * from ${entry.specifier}`] : []
      return entry.values
        .filter((name) => !(name in module.exports))
        .map((name) => `${entry.file}: ${name} from ${entry.specifier} (${HOW_TO_RECORD})`)
    })
    expect(unrecorded).toEqual([])
  })

  it('each recorded export is still imported somewhere (the record holds no stale entry)', () => {
    const used = new Set(IMPORTS.flatMap((entry) => entry.values.map((name) => `${entry.specifier}:${name}`)))
    const stale = REAL_MODULES.flatMap((module) => Object.keys(module.exports).map((name) => `${module.specifier}:${name}`)).filter(
      (key) => !used.has(key)
    )
    expect(stale).toEqual([])
  })
})

describe('the manifest depends on each recorded app at the major that was read', () => {
  const major = (version: string) => `${version.split('.')[0]}.x`

  it.each(REAL_MODULES.map((module) => [module.specifier, module] as const))('%s', (_, module) => {
    // The first source is the app's own repository.
    expect(manifest.dependencies[module.app]).toBe(major(module.sources[0].version))
  })

  it.each(REAL_LIBRARIES.map((library) => [library.specifier, library] as const))(
    '%s, and the npm build the sandbox runs is that version',
    (_, library) => {
      expect(manifest.dependencies[library.app]).toBe(major(library.source.version))
      expect(JSON.parse(read(`node_modules/${library.npm}/package.json`)).version).toBe(library.source.version)
    }
  )

  it('every other vtex.* dependency is accounted for, with the reason it is there', () => {
    const recorded = new Set([
      ...REAL_MODULES.map((module) => module.app),
      ...REAL_LIBRARIES.map((library) => library.app),
      ...Object.keys(OTHER_DEPENDENCIES),
    ])
    expect(Object.keys(manifest.dependencies).filter((app) => app.startsWith('vtex.') && !recorded.has(app))).toEqual([])
    expect(Object.keys(OTHER_DEPENDENCIES).filter((app) => !(app in manifest.dependencies))).toEqual([])
  })
})

describe('the stand-ins are the recorded ones', () => {
  it("the demo store's bundle aliases each vtex.* module to its recorded stand-in, and no other", () => {
    const aliases = Object.entries(VTEX_SHIMS).filter(([specifier]) => specifier.startsWith('vtex.'))
    expect(Object.fromEntries(aliases.map(([specifier, file]) => [specifier, path.relative(ROOT, file)]))).toEqual(
      Object.fromEntries(REAL_MODULES.map((module) => [module.specifier, module.shim]))
    )
  })

  it("jest's react project maps each vtex.* module to its recorded stand-in, and no other", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require(path.join(ROOT, 'jest.config.js')) as {
      projects: Array<{ displayName: string; moduleNameMapper?: Record<string, string> }>
    }
    const mapper = config.projects.find((project) => project.displayName === 'react')!.moduleNameMapper!
    const mapped = Object.entries(mapper).filter(([pattern]) => pattern.startsWith('^vtex'))
    expect(mapped).toHaveLength(REAL_MODULES.length)
    for (const module of REAL_MODULES) {
      const target = mapped
        .filter(([pattern]) => new RegExp(pattern).test(module.specifier))
        .map(([, file]) => file.replace('<rootDir>/', ''))
      expect([module.specifier, target]).toEqual([module.specifier, [module.jestShim || module.shim]])
    }
  })

  it('every stand-in file exists', () => {
    const files = REAL_MODULES.flatMap((module) => [module.shim, module.jestShim, module.typing]).filter((file): file is string => !!file)
    expect(files.filter((file) => !existsSync(path.join(ROOT, file)))).toEqual([])
  })
})

describe('each stand-in and typing names, in its header, the real files it follows', () => {
  const cited = (file: string, sources: ReadonlyArray<Parameters<typeof citation>[0]>) => {
    const text = file.endsWith('.d.ts') ? read(file) : header(file)
    return sources.map(citation).filter((line) => !text.includes(`- ${line}`))
  }

  it.each(
    REAL_MODULES.flatMap((module) =>
      [module.shim, module.jestShim, module.typing]
        .filter((file): file is string => !!file)
        .map((file) => [file, module.specifier, module] as const)
    )
  )('%s (%s)', (file, specifier, module) => {
    expect(cited(file, module.sources)).toEqual([])
    if (!file.endsWith('.d.ts')) expect(header(file)).toContain(specifier.split('/')[0])
  })

  it.each(REAL_LIBRARIES.map((library) => [library.typing, library] as const))('%s', (file, library) => {
    expect(cited(file, [library.source])).toEqual([])
  })

  it('sandbox/storefront/shims/pixelEvents.ts', () => {
    expect(
      cited(
        'sandbox/storefront/shims/pixelEvents.ts',
        Object.values(REAL_PIXEL_EVENTS).flatMap((event) => event.sources)
      )
    ).toEqual([])
  })

  it('every source names a commit (or an npm tarball), a version and files', () => {
    const sources = [
      ...REAL_MODULES.flatMap((module) => module.sources),
      ...REAL_LIBRARIES.map((library) => library.source),
      ...Object.values(REAL_PIXEL_EVENTS).flatMap((event) => event.sources),
    ]
    const incomplete = sources.filter(
      (source) =>
        !(/^[0-9a-f]{40}$/.test(source.ref) || source.ref === 'npm') || !/^\d+\.\d+\.\d+$/.test(source.version) || source.files.length === 0
    )
    expect(incomplete).toEqual([])
  })
})

describe('each typing declares what is recorded, and nothing a block could read beyond it', () => {
  const typings = [...new Set(REAL_MODULES.map((module) => module.typing))]
  const declared = declaredModules(typings.map((file) => path.join(ROOT, file)))

  it.each(REAL_MODULES.map((module) => [module.specifier, module] as const))('%s', (specifier, module) => {
    const exports = declared.get(specifier)
    expect([specifier, exports ? 'declared' : `not declared in ${module.typing}`]).toEqual([specifier, 'declared'])
    expect([...exports!.keys()].sort()).toEqual(Object.keys(module.exports).sort())
    const beyond = [...exports!].flatMap(([name, paths]) =>
      paths.filter((segments) => shapeAt(module.exports[name], segments) === undefined).map((segments) => `${name}.${segments.join('.')}`)
    )
    expect(beyond).toEqual([])
  })

  it('the admin imports from vtex.styleguide only what its typing declares and @vtex/styleguide exports', () => {
    const library = REAL_LIBRARIES[0]
    const exported = new Set(
      [...read(`node_modules/${library.npm}/lib/index.js`).matchAll(/Object\.defineProperty\(exports, "(\w+)"/g)].map((match) => match[1])
    )
    const typing = read(library.typing)
    const names = [...new Set(IMPORTS.filter((entry) => entry.specifier === library.specifier).flatMap((entry) => entry.values))]
    expect(names.length).toBeGreaterThan(5)
    expect(names.filter((name) => !exported.has(name) || !new RegExp(`export (const|function) ${name}\\b`).test(typing))).toEqual([])
  })
})

describe('pixel events', () => {
  const everywhere = [...sourceFiles('react'), ...sourceFiles('sandbox'), ...sourceFiles('test'), ...sourceFiles('bench')]
  const withTests = [...everywhere, ...['react', 'sandbox', 'test'].flatMap((dir) => findTests(dir))]

  it('only shims/pixelEvents.ts builds a pixel message (payloads come from the record, not by hand)', () => {
    // The record, the builder, and the test that holds the builder to the record.
    const recorded = [
      'sandbox/storefront/shims/realShapes.ts',
      'sandbox/storefront/shims/pixelEvents.ts',
      'react/__tests__/realShapes.test.tsx',
    ]
    const byHand = withTests.filter((file) => !recorded.includes(file) && /eventName:\s*['"`]vtex:/.test(read(file)))
    expect(byHand).toEqual([])
  })

  it('react/ listens only to recorded pixel events', () => {
    const names = sourceFiles('react').flatMap((file) => [...read(file).matchAll(/['"`](vtex:[A-Za-z]+)['"`]/g)].map((match) => match[1]))
    expect(names.length).toBeGreaterThan(0)
    expect(names.filter((name) => !(name in REAL_PIXEL_EVENTS))).toEqual([])
  })
})

/** Test files (the scan above skips __tests__ folders). */
function findTests(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const file = path.join(dir, name)
    if (name === 'node_modules') return []
    if (statSync(path.join(ROOT, file)).isDirectory()) return findTests(file)
    return /\.tsx?$/.test(name) && file.includes('__tests__') ? [file] : []
  })
}
