/** Root-level entry the VTEX react builder maps to the `pixel.ads-events` interface. */
export { default } from './components/PixelIdentity'
