/**
 * Storefront queries name their provider with @context(provider: "<vendor>.<app>"), and for the
 * app's own schema that is manifest.json's vendor and name: change the vendor (publishing under
 * another account) and this fails until the queries follow.
 */
import { readdirSync, readFileSync, statSync } from 'fs'
import { join } from 'path'
import { parse, type ObjectTypeDefinitionNode } from 'graphql'

import { providersOf } from '../../sandbox/storefront/graphqlGateway'

const ROOT = join(__dirname, '..', '..')
const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'))

const documentsUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : documentsUnder(path)
    return /\.(gql|graphql)$/.test(name) ? [path] : []
  })

/** Query and Mutation fields of the app's own schema (graphql/schema.graphql). */
const appFields = new Set(
  parse(readFileSync(join(ROOT, 'graphql', 'schema.graphql'), 'utf8'))
    .definitions.filter((definition): definition is ObjectTypeDefinitionNode => definition.kind === 'ObjectTypeDefinition' && ['Query', 'Mutation'].includes(definition.name.value))
    .flatMap((type) => (type.fields ?? []).map((field) => field.name.value))
)

it('every storefront query names its provider; the app\'s own fields name manifest.json\'s vendor.name', () => {
  const documents = documentsUnder(join(ROOT, 'react'))
  expect(documents.length).toBeGreaterThan(0)
  const appProvider = `${manifest.vendor}.${manifest.name}`
  let ownFields = 0
  for (const file of documents) {
    const document = parse(readFileSync(file, 'utf8'))
    const fields = document.definitions.flatMap((definition) => (definition.kind === 'OperationDefinition' ? definition.selectionSet.selections : [])).map((selection) => (selection.kind === 'Field' ? selection.name.value : ''))
    providersOf(document).forEach((provider, index) => {
      const own = appFields.has(fields[index])
      if (own) ownFields++
      expect([file, fields[index], provider]).toEqual([file, fields[index], own ? appProvider : expect.stringMatching(/^[a-z0-9-]+\.[a-z0-9-]+$/)])
    })
  }
  expect(ownFields).toBeGreaterThan(0)
})
