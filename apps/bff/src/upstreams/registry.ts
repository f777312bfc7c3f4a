/** Builds every adapter for one caller (their DC/OS token, or the BFF's static one). */
import { createCosmosClient, type CosmosClient } from './cosmos/index.ts'
import { createDcosClient, type DcosClient } from './dcos/index.ts'
import type { UpstreamClientOptions } from './http.ts'
import { createMarathonClient, type MarathonClient } from './marathon/index.ts'
import { createMesosClient, type MesosClient } from './mesos/index.ts'
import { createMetronomeClient, type MetronomeClient } from './metronome/index.ts'
import { createSdkClient, type SdkClient } from './sdk/index.ts'

/** All adapters. */
export interface Upstreams {
  mesos: MesosClient
  marathon: MarathonClient
  metronome: MetronomeClient
  cosmos: CosmosClient
  sdk: SdkClient
  dcos: DcosClient
}

/** Shared options: the cluster origin (Admin Router), token and fetch. */
export type UpstreamsOptions = UpstreamClientOptions

/** Creates the adapters (cheap: plain objects over one fetch). */
export function createUpstreams(opts: UpstreamsOptions): Upstreams {
  return {
    mesos: createMesosClient(opts),
    marathon: createMarathonClient(opts),
    metronome: createMetronomeClient(opts),
    cosmos: createCosmosClient(opts),
    sdk: createSdkClient(opts),
    dcos: createDcosClient(opts),
  }
}
