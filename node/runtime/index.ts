import { installTolerantEventBodyParser } from './eventBody'
import { installMultipartRefusal } from './graphqlUploads'

/**
 * The two steps of @vtex/api's request pipeline this app replaces, each at the depth where the
 * problem is (see their modules). They must be installed before the Service builds its routes and
 * event handlers: node/index.ts does it first. Which were installed is returned for the tests.
 */
export function installRuntimeSteps(): { eventBody: boolean; multipartRefusal: boolean } {
  return { eventBody: installTolerantEventBodyParser(), multipartRefusal: installMultipartRefusal() }
}
