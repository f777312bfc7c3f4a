/** The default upstream feeds of the live hub. */
import type { Upstreams } from '../upstreams/registry.ts'
import type { LiveFeed } from './hub.ts'
import { marathonFeed, type MarathonFeed, type MarathonFeedOptions } from './marathon-feed.ts'
import { mesosFeed, type MesosFeed, type MesosFeedOptions } from './mesos-feed.ts'
import type { ServiceSnapshotOptions } from './service-snapshots.ts'

/** Mesos SUBSCRIBE and Marathon /v2/events, each keeping its mirror. */
export function createLiveFeeds(up: Upstreams, opts: { backoffBaseMs?: number; snapshots?: ServiceSnapshotOptions; mesos?: MesosFeedOptions; marathon?: Omit<MarathonFeedOptions, 'snapshots' | 'backoffBaseMs'> } = {}): { mesos: MesosFeed; marathon: MarathonFeed; feeds: LiveFeed[] } {
  const backoff = opts.backoffBaseMs !== undefined ? { backoffBaseMs: opts.backoffBaseMs } : {}
  const mesos = mesosFeed(up.mesos, { ...backoff, ...opts.mesos })
  const marathon = marathonFeed(up.marathon, { ...backoff, ...opts.marathon, ...(opts.snapshots ? { snapshots: opts.snapshots } : {}) })
  return { mesos, marathon, feeds: [mesos, marathon] }
}
