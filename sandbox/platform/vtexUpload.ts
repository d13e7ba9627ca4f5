import { readdirSync, readFileSync, statSync } from 'fs'
import { join } from 'path'
import ignore from 'ignore'

/**
 * The files `vtex link` uploads from a folder of the app: its lines of .vtexignore become
 * gitignore-style ignore patterns (vtex/toolbelt src/api/modules/apps/file.ts). The sandbox runs
 * exactly these, compiled, and test/builders compiles them as the builders do.
 */
export const APP_ROOT = join(__dirname, '..', '..')

const vtexIgnore = () =>
  ignore().add(
    readFileSync(join(APP_ROOT, '.vtexignore'), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'))
  )

/** Files of `folder` (relative to the app root) that `vtex link` uploads. */
export function uploadedFiles(folder: string): string[] {
  const ignored = vtexIgnore()
  const walk = (dir: string): string[] =>
    readdirSync(join(APP_ROOT, dir)).flatMap((name) => {
      const path = `${dir}/${name}`
      if (name === 'node_modules') return []
      const isDir = statSync(join(APP_ROOT, path)).isDirectory()
      if (ignored.ignores(isDir ? `${path}/` : path)) return []
      return isDir ? walk(path) : [path]
    })
  return walk(folder)
}
