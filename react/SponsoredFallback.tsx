/** Root-level entry the VTEX react builder maps to the block (store/interfaces.json). */
export { default } from './sponsored/SponsoredFallback'
