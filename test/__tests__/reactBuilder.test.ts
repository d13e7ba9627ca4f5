/**
 * The react builder's toolchain, as far as it can be known without VTEX: `npm run typecheck` compiles
 * react/ with TypeScript 3.9.7 (typecheck:react-builder). These checks keep that step honest: the
 * compiler really is 3.9.7, it sees every file the builder gets, and the React the tests run is the
 * one render-runtime serves.
 */
import { readdirSync, readFileSync, statSync } from 'fs'
import { join, relative } from 'path'

const ROOT = join(__dirname, '..', '..')
const readJson = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'))

// eslint-disable-next-line @typescript-eslint/no-require-imports
const builderTs = require('typescript-react-builder') as typeof import('typescript')

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })

it('runs TypeScript 3.9.7, the version VTEX react apps pin', () => {
  expect(builderTs.version).toBe('3.9.7')
  expect(readJson('package.json').scripts['typecheck:react-builder']).toContain('typescript-react-builder/bin/tsc -p react/tsconfig.builder.json')
})

it('compiles every file the builder receives (everything in react/ but tests and mocks)', () => {
  const configPath = join(ROOT, 'react', 'tsconfig.builder.json')
  const { config } = builderTs.readConfigFile(configPath, (path) => readFileSync(path, 'utf8'))
  const parsed = builderTs.parseJsonConfigFileContent(config, builderTs.sys, join(ROOT, 'react'))
  const compiled = new Set(parsed.fileNames.map((file) => relative(ROOT, file)))
  const shipped = filesUnder(join(ROOT, 'react'))
    .map((file) => relative(ROOT, file))
    .filter((file) => /\.tsx?$/.test(file) && !/(^|\/)(__tests__|__mocks__)\//.test(file))
  expect(shipped.filter((file) => !compiled.has(file))).toEqual([])
  expect(parsed.options.target).toBe(builderTs.ScriptTarget.ES2017)
})

it('tests run the React that render-runtime serves to every store (16.9.0)', () => {
  const runtime = '16.9.0'
  expect(readJson('react/package.json').dependencies).toEqual({ react: runtime, 'react-dom': runtime })
  expect(readJson('package.json').devDependencies).toMatchObject({ react: runtime, 'react-dom': runtime })
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  expect(require('react').version).toBe(runtime)
})
