/** Admin route admin.app.ads-events (admin/routes.json): the app's page in the VTEX admin. */
export { default } from './admin/AdminPage'
