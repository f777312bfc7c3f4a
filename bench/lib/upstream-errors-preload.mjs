/**
 * Loaded into the BFF process by `pnpm bench` (`node --import <this file> apps/bff/dist/server.js`):
 * prints every failed upstream request (method, URL, undici error code and message) to stderr with
 * a timestamp. The BFF maps such failures to `503 UpstreamUnavailable "<upstream> is unreachable"`
 * without the cause; this line is the cause, in the bench's log of the BFF. Node's fetch publishes
 * these diagnostics channels; nothing in the BFF changes.
 */
import dc from 'node:diagnostics_channel'

const line = (msg) => process.stderr.write(`${new Date().toISOString()} ${msg}\n`)

dc.subscribe('undici:request:error', ({ request, error }) => {
  line(`upstream request error: ${request.method} ${request.origin}${request.path}: ${error.code ?? error.name} ${error.message}`)
})
dc.subscribe('undici:client:connectError', ({ connectParams, error }) => {
  line(`upstream connect error: ${connectParams.protocol}//${connectParams.host}: ${error.code ?? error.name} ${error.message}`)
})
