/** Builds every adapter for one caller (their DC/OS token, or the BFF's static one). */
import type { UpstreamClientOptions } from './http.ts'
import { createMarathonClient, type MarathonClient } from './marathon/index.ts'
import { createMesosClient, type MesosClient } from './mesos/index.ts'

/** All adapters. */
export interface Upstreams {
  mesos: MesosClient
  marathon: MarathonClient
}

/** Shared options: the cluster origin (Admin Router), token and fetch. */
export type UpstreamsOptions = UpstreamClientOptions

/** Creates the adapters (cheap: plain objects over one fetch). */
export function createUpstreams(opts: UpstreamsOptions): Upstreams {
  return {
    mesos: createMesosClient(opts),
    marathon: createMarathonClient(opts),
  }
}
