import ts from 'typescript'

/**
 * What an ambient typing (`declare module 'x' { … }` in react/typings) lets our code reach: for
 * each value export, every path through its declared type, in realShapes' path syntax (`()` what
 * a function returns, `props` a component's props, `[]` an array's items, `*` any key of an index
 * signature). Read with the TypeScript compiler, so it is the very type our blocks compile against.
 */
export type DeclaredModules = Map<string, Map<string, string[][]>>

const COMPONENT_INTERFACES = new Set(['FunctionComponent', 'ComponentClass'])
const ARRAY_INTERFACES = new Set(['Array', 'ReadonlyArray'])
const MAX_DEPTH = 8

const isLibraryType = (type: ts.Type) =>
  (type.aliasSymbol || type.symbol)?.declarations?.some((declaration) =>
    declaration.getSourceFile().fileName.includes('/node_modules/')
  ) === true

export function declaredModules(files: readonly string[]): DeclaredModules {
  const program = ts.createProgram(files, {
    noEmit: true,
    strict: true,
    skipLibCheck: true,
    jsx: ts.JsxEmit.React,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    target: ts.ScriptTarget.ES2019,
    lib: ['lib.es2019.d.ts', 'lib.dom.d.ts'],
    types: [],
  })
  const checker = program.getTypeChecker()
  const modules: DeclaredModules = new Map()

  const walk = (type: ts.Type, path: string[], out: string[][], depth: number): void => {
    if (depth > MAX_DEPTH) return
    const present = checker.getNonNullableType(type)
    if (present.isUnion() || present.isIntersection()) {
      for (const member of present.types) walk(member, path, out, depth)
      return
    }
    const named = present.symbol?.name
    if (named && COMPONENT_INTERFACES.has(named) && isLibraryType(present)) {
      const [props] = checker.getTypeArguments(present as ts.TypeReference)
      out.push([...path, 'props'])
      if (props) walk(props, [...path, 'props'], out, depth + 1)
      return
    }
    if (named && ARRAY_INTERFACES.has(named) && isLibraryType(present)) {
      const [item] = checker.getTypeArguments(present as ts.TypeReference)
      out.push([...path, '[]'])
      if (item) walk(item, [...path, '[]'], out, depth + 1)
      return
    }
    // Primitives, literals, unknown and library types (ReactNode, DocumentNode…) end a path.
    if (!(present.flags & ts.TypeFlags.Object) || isLibraryType(present)) return
    for (const signature of present.getCallSignatures()) {
      out.push([...path, '()'])
      walk(signature.getReturnType(), [...path, '()'], out, depth + 1)
    }
    for (const info of checker.getIndexInfosOfType(present)) {
      out.push([...path, '*'])
      walk(info.type, [...path, '*'], out, depth + 1)
    }
    for (const property of checker.getPropertiesOfType(present)) {
      out.push([...path, property.name])
      walk(checker.getTypeOfSymbol(property), [...path, property.name], out, depth + 1)
    }
  }

  for (const file of files) {
    const source = program.getSourceFile(file)
    if (!source) throw new Error(`cannot read ${file}`)
    for (const statement of source.statements) {
      if (!ts.isModuleDeclaration(statement) || !ts.isStringLiteral(statement.name)) continue
      const moduleSymbol = checker.getSymbolAtLocation(statement.name)
      if (!moduleSymbol) continue
      const exports = new Map<string, string[][]>()
      for (const exported of checker.getExportsOfModule(moduleSymbol)) {
        const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported
        if (!(symbol.flags & ts.SymbolFlags.Value)) continue
        const paths: string[][] = []
        walk(checker.getTypeOfSymbol(symbol), [], paths, 0)
        exports.set(exported.name, paths)
      }
      modules.set(statement.name.text, exports)
    }
  }
  return modules
}
