/**
 * The `/api/services` body from the Marathon mirror's tree, serialized with each service row's
 * JSON cached by the row object (the mirror keeps row objects of unchanged apps), so a rebuild
 * of a 10,000-service tree joins cached strings instead of serializing 4 MB again. Produces
 * exactly what `JSON.stringify({ root: tree })` would.
 */
import type { ServiceGroupView, ServiceView } from '@meridian/api'
import { JsonText } from './body-cache.ts'

export class ServicesBody {
  private readonly rows = new WeakMap<ServiceView, string>()

  build(root: ServiceGroupView): JsonText {
    return new JsonText(`{"root":${this.group(root)}}`)
  }

  private row(s: ServiceView): string {
    let json = this.rows.get(s)
    if (json === undefined) this.rows.set(s, (json = JSON.stringify(s)))
    return json
  }

  private group(g: ServiceGroupView): string {
    const groups = g.groups.map((c) => this.group(c)).join(',')
    const services = g.services.map((s) => this.row(s)).join(',')
    return `{"id":${JSON.stringify(g.id)},"name":${JSON.stringify(g.name)},"groups":[${groups}],"services":[${services}],"summary":${JSON.stringify(g.summary)}}`
  }
}
