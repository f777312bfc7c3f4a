import { create } from 'zustand'

export type LiveStatus = 'connecting' | 'open' | 'reconnecting' | 'closed'

interface LiveStatusState {
  status: LiveStatus
  /** upstream event streams the BFF reports as down (drives the degraded banner) */
  downUpstreams: string[]
  statusChanged: (status: LiveStatus) => void
  upstreamReported: (upstream: string, connected: boolean) => void
}

/** Connection state of the one SSE stream; UI only (header indicator, degraded banner). */
export const useLiveStatusStore = create<LiveStatusState>()((set) => ({
  status: 'connecting',
  downUpstreams: [],
  statusChanged: (status) => set({ status }),
  upstreamReported: (upstream, connected) =>
    set((s) => ({
      downUpstreams: connected ? s.downUpstreams.filter((u) => u !== upstream) : [...new Set([...s.downUpstreams, upstream])],
    })),
}))
