import { describe, expect, it } from 'vitest'
import type { BurstMetrics, PageMetrics } from '../browser/index.ts'
import { burstSummary, pageSummary } from './browser-adapter.ts'

const pageMetrics: PageMetrics = {
  rows: 10_000,
  warmupApiMs: 40,
  dataLoadedMs: 700,
  firstRowMs: 950,
  renderAfterDataMs: 250,
  scrollLongestTaskMs: 108,
  scrollTasksOver50Ms: 26,
  scrollLongestTaskCpuMs: 51,
  scrollTasksOver50MsCpu: 2,
  scrollLongestLongtaskMs: 104,
  scrollDurationMs: 8200,
  scrollFrames: 500,
}

const burstMetrics: BurstMetrics = {
  page: '/nodes',
  requested: { ratePerSecond: 1000, seconds: 10 },
  burstEndpoint: true,
  updatesEmitted: 9_980,
  deltasReceived: 4_600,
  longestTaskMs: 59,
  tasksOver50Ms: 1,
  longestTaskCpuMs: 9.5,
  tasksOver50MsCpu: 0,
  busyShare: 0.2,
  inputToFrameP50Ms: 8,
  inputToFrameP95Ms: 15,
  inputToFrameMaxMs: 72,
  samples: 40,
  longestEventTimingMs: 24,
}

describe('browser adapter', () => {
  it('keeps the page metrics the report shows, by their bench/browser names', () => {
    expect(pageSummary(pageMetrics)).toEqual({ rows: 10_000, dataLoadedMs: 700, firstRowMs: 950, renderAfterDataMs: 250, scrollLongestTaskMs: 108, scrollTasksOver50Ms: 26, scrollLongestTaskCpuMs: 51, scrollTasksOver50MsCpu: 2, scrollDurationMs: 8200 })
  })

  it('keeps the burst metrics of one page, with the requested rate', () => {
    const s = burstSummary(burstMetrics)
    expect(s).toEqual({ page: '/nodes', ratePerSecond: 1000, seconds: 10, burstEndpoint: true, updatesEmitted: 9_980, deltasReceived: 4_600, longestTaskMs: 59, longestTaskCpuMs: 9.5, tasksOver50Ms: 1, tasksOver50MsCpu: 0, inputToFrameP95Ms: 15, inputToFrameMaxMs: 72, samples: 40 })
    expect(Object.values(s).some((v) => typeof v === 'number' && Number.isNaN(v))).toBe(false)
  })
})
