/** The default upstream feeds of the live hub. */
import type { Upstreams } from '../upstreams/registry.ts'
import type { LiveFeed } from './hub.ts'
import { marathonFeed } from './marathon-feed.ts'
import { mesosFeed } from './mesos-feed.ts'
import type { ServiceSnapshotOptions } from './service-snapshots.ts'

/** Mesos SUBSCRIBE and Marathon /v2/events. */
export function createLiveFeeds(up: Upstreams, opts: { backoffBaseMs?: number; snapshots?: ServiceSnapshotOptions } = {}): LiveFeed[] {
  return [mesosFeed(up.mesos, opts), marathonFeed(up.marathon, opts)]
}
