/** One jest run, three projects: the node service, the react blocks (jsdom) and the browser tests (real Chromium). */
const tsJest = ['ts-jest', { tsconfig: { isolatedModules: true, jsx: 'react', esModuleInterop: true, module: 'commonjs', target: 'es2020' }, diagnostics: false }]

module.exports = {
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/node', '<rootDir>/sandbox', '<rootDir>/test'],
      testMatch: ['**/__tests__/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/test/browser/'],
      transform: { '^.+\\.tsx?$': tsJest },
    },
    {
      displayName: 'react',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/react'],
      testMatch: ['**/__tests__/**/*.test.ts?(x)'],
      transform: { '^.+\\.tsx?$': tsJest, '^.+\\.gql$': '<rootDir>/test/gqlTransform.js' },
      // vtex.* modules (and react-apollo, react-intl) come from the VTEX runtime, not npm: tests use stand-ins,
      // the ones sandbox/storefront/shims/realShapes.ts names (sandbox/storefront/__tests__/realShapes.test.ts checks this list).
      moduleNameMapper: {
        '^vtex\\.order-manager/OrderForm$': '<rootDir>/react/__mocks__/vtex.order-manager/OrderForm.tsx',
        '^vtex\\.render-runtime$': '<rootDir>/sandbox/storefront/shims/renderRuntime.tsx',
        '^vtex\\.css-handles$': '<rootDir>/sandbox/storefront/shims/cssHandles.tsx',
        '^vtex\\.product-summary/ProductSummaryCustom$': '<rootDir>/sandbox/storefront/shims/productSummary.tsx',
        '^vtex\\.product-summary-context/ProductSummaryContext$': '<rootDir>/sandbox/storefront/shims/productSummaryContext.tsx',
        '^vtex\\.product-context$': '<rootDir>/sandbox/storefront/shims/productContext.tsx',
        '^vtex\\.search-page-context/SearchPageContext$': '<rootDir>/sandbox/storefront/shims/searchPageContext.tsx',
        '^react-apollo$': '<rootDir>/sandbox/storefront/shims/reactApollo.tsx',
        '^react-intl$': '<rootDir>/sandbox/storefront/shims/reactIntl.tsx',
      },
    },
    {
      displayName: 'browser',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/browser'],
      testMatch: ['**/*.test.ts'],
      transform: { '^.+\\.tsx?$': tsJest },
    },
  ],
}
