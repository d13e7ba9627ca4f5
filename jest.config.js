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
      transform: { '^.+\\.tsx?$': tsJest },
      // vtex.* modules come from the VTEX runtime, not npm: tests use stand-ins.
      moduleNameMapper: { '^vtex\\.order-manager/OrderForm$': '<rootDir>/react/__mocks__/vtex.order-manager/OrderForm.tsx' },
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
