/**
 * The BFF's in-memory copy of Marathon's app tree, so `/api/services` and the dashboard do not
 * re-read `/v2/groups` (and `/v2/queue`) per request. Loaded whole when the `/v2/events` stream
 * attaches (and when the feed sees an app it does not know, e.g. created inside a new group);
 * then kept current app by app from the per-app re-reads the live feed already makes for its
 * `service.changed` deltas, and the launch queue re-read on a timer. Answers only while the event
 * stream is up.
 */
import type { ServiceGroupView, ServiceView } from '@meridian/api'
import type { MarathonApp, MarathonGroup, MarathonQueueItem } from '../upstreams/marathon/index.ts'
import { indexQueue, toServiceTree, toServiceView } from '../views/services/to-service-view.ts'

export class MarathonMirror {
  private root: MarathonGroup | undefined
  private queue = new Map<string, MarathonQueueItem>()
  /** app id → the group whose `apps` holds it */
  private readonly parent = new Map<string, MarathonGroup>()
  private streamUp = false
  private built: { version: number; tree: ServiceGroupView } | undefined
  /** Rows by the app object (and queue entry) they were built from: an unchanged app is not rebuilt. */
  private readonly rows = new WeakMap<MarathonApp, { queued: MarathonQueueItem | undefined; view: ServiceView }>()
  private readonly viewOf = (app: MarathonApp, queued: MarathonQueueItem | undefined): ServiceView => {
    const hit = this.rows.get(app)
    if (hit && hit.queued === queued) return hit.view
    const view = toServiceView(app, queued)
    this.rows.set(app, { queued, view })
    return view
  }
  /** Bumped on every change; caches key on it. */
  version = 0
  /** Bumped when services come or go (a cached body must then be rebuilt at once, not within its staleness window). */
  structureVersion = 0

  /** True while the tree is loaded and the event stream that keeps it current is up. */
  get synced(): boolean {
    return this.root !== undefined && this.streamUp
  }

  /** The event stream attached (true) or was lost (false). */
  setStream(up: boolean): void {
    this.streamUp = up
    this.version++
  }

  /** Replaces everything with a fresh `/v2/groups` + `/v2/queue` read. */
  load(root: MarathonGroup, queue: MarathonQueueItem[]): void {
    this.root = root
    this.queue = indexQueue(queue)
    this.parent.clear()
    const walk = (g: MarathonGroup) => {
      for (const a of g.apps ?? []) this.parent.set(a.id, g)
      for (const c of g.groups ?? []) walk(c)
    }
    walk(root)
    this.version++
    this.structureVersion++
  }

  /**
   * Replaces one app (and its queue entry), or adds it where Marathon's tree has it: groups are
   * implicit in app ids (`/a/b/web` lives in `/a/b`), so missing groups are created on the way.
   * False only before the first load.
   */
  patchApp(full: MarathonApp, queued: MarathonQueueItem | undefined): boolean {
    if (!this.root) return false
    // `GET /v2/apps/{id}` embeds the app's tasks; the tree needs only counts (10,000 apps × their
    // tasks would be the largest thing in the BFF's memory).
    const { tasks: _tasks, lastTaskFailure: _failure, ...app } = full
    const group = this.parent.get(app.id) ?? this.groupFor(app.id)
    const apps = (group.apps ??= [])
    const i = apps.findIndex((a) => a.id === app.id)
    if (i >= 0) apps[i] = app
    else {
      apps.push(app)
      this.structureVersion++
    }
    this.parent.set(app.id, group)
    if (queued) this.queue.set(app.id, queued)
    else this.queue.delete(app.id)
    this.version++
    return true
  }

  /** The group an app id belongs in, created (with its ancestors) when missing. */
  private groupFor(appId: string): MarathonGroup {
    const parts = appId.split('/').filter(Boolean).slice(0, -1)
    let group = this.root!
    let id = ''
    for (const part of parts) {
      id += `/${part}`
      const children = (group.groups ??= [])
      let next = children.find((g) => g.id === id)
      if (!next) children.push((next = { id, apps: [], groups: [] }))
      group = next
    }
    return group
  }

  /**
   * Replaces the launch queue (Marathon announces no event when offers start being declined or a
   * backoff runs out, so the feed re-reads it on a timer). Returns the rows whose status moved.
   */
  setQueue(items: MarathonQueueItem[]): ServiceView[] {
    const next = indexQueue(items)
    const changed: ServiceView[] = []
    for (const id of new Set([...this.queue.keys(), ...next.keys()])) {
      const app = this.app(id)
      if (!app) continue
      const before = toServiceView(app, this.queue.get(id))
      const after = toServiceView(app, next.get(id))
      if (before.status !== after.status) changed.push(after)
    }
    this.queue = next
    if (changed.length > 0) this.version++
    return changed
  }

  /** One service row as the tree shows it, or undefined. */
  service(id: string): ServiceView | undefined {
    const app = this.app(id)
    return app ? toServiceView(app, this.queue.get(id)) : undefined
  }

  /** One app as last read, or undefined. */
  app(id: string): MarathonApp | undefined {
    return this.parent.get(id)?.apps?.find((a) => a.id === id)
  }

  /** Drops an app Marathon no longer has. */
  removeApp(id: string): void {
    const group = this.parent.get(id)
    if (!group?.apps) return
    group.apps = group.apps.filter((a) => a.id !== id)
    this.parent.delete(id)
    this.queue.delete(id)
    this.version++
    this.structureVersion++
  }

  /** The services tree view, rebuilt only after a change. */
  tree(): ServiceGroupView | undefined {
    if (!this.root) return undefined
    if (this.built?.version !== this.version) this.built = { version: this.version, tree: toServiceTree(this.root, this.queue, this.viewOf) }
    return this.built.tree
  }
}
