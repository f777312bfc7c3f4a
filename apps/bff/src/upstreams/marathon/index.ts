/** Marathon adapter: public surface. */
export { appPath, createMarathonClient, type MarathonClient } from './client.ts'
export type * from './wire.ts'
