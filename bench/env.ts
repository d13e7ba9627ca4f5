/**
 * Imported first by bench/run.ts. @vtex/api reads VTEX_APP_ID when its modules first load (the
 * VBase client builds its bucket paths from it at import), so it must be in the environment before
 * any bench module imports anything that reaches @vtex/api: on IO the platform sets it before the
 * app starts, and a fresh shell has none.
 */
process.env.VTEX_APP_ID = process.env.VTEX_APP_ID || 'adsevents.ads-events@0.1.0'
