import { createHash } from 'crypto'
import { readdirSync, readFileSync } from 'fs'
import { join } from 'path'
import { OPENAPI_DIR } from '../loadSpec'
import { VENDORED_SPECS } from '../specs'

const ROOT = join(__dirname, '..', '..', '..')
const readme = readFileSync(join(OPENAPI_DIR, 'README.md'), 'utf8')

it('vendors each file unchanged: its SHA-256 is the one recorded beside VTEX commit 0d207e5', () => {
  const files = readdirSync(OPENAPI_DIR).filter((file) => file.endsWith('.json'))
  expect(files.sort()).toEqual(VENDORED_SPECS.map((spec) => spec.file).sort())
  for (const file of files) {
    const sum = createHash('sha256')
      .update(readFileSync(join(OPENAPI_DIR, file)))
      .digest('hex')
    expect(readme).toContain(`| \`${file}\` | ${readFileSync(join(OPENAPI_DIR, file)).length} | \`${sum}\` |`)
  }
  expect(readme).toContain('commit 0d207e53c9166b8c18fd93b2407b452721f4d37c')
})

it('keeps the files out of what vtex link uploads (.vtexignore excludes /sandbox/)', () => {
  expect(readFileSync(join(ROOT, '.vtexignore'), 'utf8').split('\n')).toContain('/sandbox/')
})
