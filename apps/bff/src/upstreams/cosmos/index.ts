/** Cosmos adapter: public surface. */
export { createCosmosClient, type CosmosClient } from './client.ts'
export { COSMOS_RPC, packageMediaType } from './media-types.ts'
export type * from './wire.ts'
