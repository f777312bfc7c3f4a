/**
 * Which SDK service a Mesos framework id belongs to. Mesos task events carry only the framework
 * id; SDK services are Marathon apps labelled with their framework *name*
 * (`DCOS_PACKAGE_FRAMEWORK_NAME`), and the master's state summary maps names to ids. Unknown ids
 * trigger one re-resolution at most every `minRefreshMs` (new installs register new frameworks);
 * ids known not to be SDK services (Marathon, Metronome) are remembered and cost nothing.
 * `nameOf` answers from the same summary (the job feed picks out Metronome's tasks with it).
 */
import type { Upstreams } from '../upstreams/registry.ts'
import type { SdkServiceRef } from '../views/plans/to-plan-view.ts'
import { loadSdkServices } from '../loaders/plans-loader.ts'

export class FrameworkDirectory {
  private sdkByFramework = new Map<string, SdkServiceRef>()
  private others = new Set<string>()
  private names = new Map<string, string>()
  private lastRefresh = -Infinity
  private refreshing: Promise<void> | undefined

  constructor(
    private readonly up: Upstreams,
    private readonly minRefreshMs = 2000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The SDK service of a framework id, or null (not an SDK framework, or not resolvable now). */
  async serviceOf(frameworkId: string): Promise<SdkServiceRef | null> {
    const known = this.sdkByFramework.get(frameworkId)
    if (known) return known
    if (this.others.has(frameworkId) && this.now() - this.lastRefresh < this.minRefreshMs * 30) return null
    if (this.now() - this.lastRefresh >= this.minRefreshMs) await this.refresh()
    return this.sdkByFramework.get(frameworkId) ?? null
  }

  /**
   * The registered name of a framework id (`metronome`, `marathon`, an SDK service name), or
   * null when the master does not know it (re-resolved at most every `minRefreshMs`).
   */
  async nameOf(frameworkId: string): Promise<string | null> {
    const known = this.names.get(frameworkId)
    if (known !== undefined) return known
    if (this.now() - this.lastRefresh >= this.minRefreshMs) await this.refresh()
    return this.names.get(frameworkId) ?? null
  }

  /** Forgets everything (after an upstream reconnect). */
  clear(): void {
    this.sdkByFramework.clear()
    this.others.clear()
    this.names.clear()
    this.lastRefresh = -Infinity
  }

  private refresh(): Promise<void> {
    this.refreshing ??= (async () => {
      try {
        const [services, summary] = await Promise.all([loadSdkServices(this.up), this.up.mesos.stateSummary()])
        const byName = new Map(services.map((s) => [s.frameworkName, s]))
        const sdk = new Map<string, SdkServiceRef>()
        const others = new Set<string>()
        const names = new Map<string, string>()
        for (const f of summary.frameworks ?? []) {
          names.set(f.id, f.name)
          const svc = byName.get(f.name)
          if (svc) sdk.set(f.id, svc)
          else others.add(f.id)
        }
        this.sdkByFramework = sdk
        this.others = others
        this.names = names
      } catch {
        // keep the previous mapping; the next unknown id retries after minRefreshMs
      } finally {
        this.lastRefresh = this.now()
        this.refreshing = undefined
      }
    })()
    return this.refreshing
  }
}
