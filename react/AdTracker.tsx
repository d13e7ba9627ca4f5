/** Root-level entry the VTEX react builder maps to the `ad-tracker` block. */
export { default } from './components/AdTracker'
