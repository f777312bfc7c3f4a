/** SDK scheduler adapter: public surface. */
export { createSdkClient, servicePath, type SdkClient, type SdkPlanCommand } from './client.ts'
export type * from './wire.ts'
