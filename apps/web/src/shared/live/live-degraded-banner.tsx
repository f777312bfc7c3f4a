import { useLiveStatusStore } from './live-status-store.ts'

const NAMES: Record<string, string> = { mesos: 'Mesos', marathon: 'Marathon' }

/**
 * Shown while the BFF reports an upstream event stream down (`upstream.status` connected:false):
 * pages still show their last data, which stops following the cluster until the BFF reconnects
 * (it then sends a resync and everything is refetched). Disappears by itself on reconnect.
 */
export function LiveDegradedBanner() {
  const down = useLiveStatusStore((s) => s.downUpstreams)
  if (down.length === 0) return null
  const names = down.map((u) => NAMES[u] ?? u).join(' and ')
  return (
    <div className="degraded-banner" role="status" aria-label="Live updates degraded">
      Live updates from {names} are interrupted: showing the last known state while Meridian reconnects.
    </div>
  )
}
