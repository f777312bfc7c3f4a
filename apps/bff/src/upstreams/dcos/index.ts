/** DC/OS platform adapter: public surface. */
export { createDcosClient, type DcosClient } from './client.ts'
export type * from './wire.ts'
