/** Metronome adapter: public surface. */
export { createMetronomeClient, type MetronomeClient } from './client.ts'
export type * from './wire.ts'
