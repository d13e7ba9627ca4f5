import { builtinModules } from 'module'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'fs'
import { tmpdir } from 'os'
import { dirname, join, relative } from 'path'
import { APP_ROOT, uploadedFiles } from '../../sandbox/platform/vtexUpload'

/**
 * What `vtex link` sends a builder, staged in a temporary folder so it can be compiled the way
 * the builder compiles it, with nothing of this workspace around it:
 * - only the files .vtexignore lets through (the toolbelt turns its lines into gitignore-style
 *   ignore patterns: vtex/toolbelt src/api/modules/apps/file.ts);
 * - a node_modules where every package resolves from the folder itself (symlinks, with
 *   preserveSymlinks) and the builder's own toolchain replaces the workspace's: e.g. TypeScript
 *   5.5.3 and @types/node 20.0.0 for the node builder 7.x.
 */
export const ROOT = APP_ROOT
export { uploadedFiles }

export interface StagedApp {
  dir: string
  /** Path of the staged copy of `path` (relative to the app root). */
  path(path: string): string
  remove(): void
}

/**
 * Stages `folder` with its uploaded files and a node_modules of symlinks to the workspace's
 * packages, `toolchain` (package name → the root alias that holds the builder's version) in place
 * of the workspace's own versions.
 */
export function stageForBuilder(folder: string, toolchain: Record<string, string>): StagedApp {
  const dir = mkdtempSync(join(tmpdir(), `vtex-${folder}-builder-`))
  for (const file of uploadedFiles(folder)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true })
    cpSync(join(ROOT, file), join(dir, file))
  }
  const modules = join(dir, folder, 'node_modules')
  const link = (name: string, target: string) => {
    mkdirSync(dirname(join(modules, name)), { recursive: true })
    if (!existsSync(join(modules, name))) symlinkSync(target, join(modules, name), 'dir')
  }
  for (const [name, alias] of Object.entries(toolchain)) link(name, join(ROOT, 'node_modules', alias))
  for (const entry of readdirSync(join(ROOT, 'node_modules'))) {
    if (entry.startsWith('.')) continue
    const names = entry.startsWith('@') ? readdirSync(join(ROOT, 'node_modules', entry)).map((scoped) => `${entry}/${scoped}`) : [entry]
    for (const name of names) if (!(name in toolchain)) link(name, join(ROOT, 'node_modules', name))
  }
  return { dir, path: (path) => join(dir, path), remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/** Bare module specifiers a source file imports or requires (relative paths and node: builtins left out). */
export function importedPackages(source: string): string[] {
  const specifiers = [...source.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (match) => match[1] ?? match[2] ?? match[3]
  )
  return [
    ...new Set(
      specifiers
        .filter((specifier) => !specifier.startsWith('.') && !specifier.startsWith('node:') && !builtinModules.includes(specifier.split('/')[0]))
        .map((specifier) => (specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]))
    ),
  ]
}

export const relativeToRoot = (path: string) => relative(ROOT, path)
