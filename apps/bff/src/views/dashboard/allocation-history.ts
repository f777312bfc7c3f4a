/**
 * A short history of cluster allocation kept in the BFF (Mesos keeps none): at most one sample
 * per `minIntervalMs`, the newest `capacity` samples.
 */
import type { AllocationSample } from '@meridian/api'

/** Bounded ring of allocation samples. */
export class AllocationHistory {
  private samples: AllocationSample[] = []

  constructor(
    private readonly capacity = 360,
    private readonly minIntervalMs = 10_000,
  ) {}

  /** Adds a sample unless the previous one is too recent (then it replaces it, keeping the newest value). */
  record(sample: AllocationSample): void {
    const last = this.samples.at(-1)
    if (last && sample.at - last.at < this.minIntervalMs) {
      if (this.samples.length > 1 || sample.at >= last.at) this.samples[this.samples.length - 1] = { ...sample, at: last.at }
      return
    }
    this.samples.push(sample)
    if (this.samples.length > this.capacity) this.samples.splice(0, this.samples.length - this.capacity)
  }

  /** Oldest first. */
  list(): AllocationSample[] {
    return this.samples.slice()
  }
}
