/**
 * This app's page in Apps > App Settings of the VTEX Admin: `/admin/apps/{vendor}.{name}@{major}.x/setup`
 * (VTEX Help Center, "My Authentication section in My Account": `/admin/apps/vtex.my-account@1.x/setup`).
 * The vendor and name are manifest.json's: test/__tests__/adminBuilder.test.ts keeps them equal.
 */
export const APP_SETTINGS_PATH = '/admin/apps/adsevents.ads-events@0.x/setup'
