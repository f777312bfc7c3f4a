/** Mesos adapter: public surface. */
export { createMesosClient, type MesosClient, type MesosClientOptions } from './client.ts'
export { RecordIoDecoder, encodeRecord } from './recordio.ts'
export type * from './wire.ts'
