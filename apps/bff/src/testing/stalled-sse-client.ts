/**
 * Test helper: a browser tab that opens `/api/events` over a raw TCP socket and then stops
 * reading, so the server meets real TCP backpressure (kernel buffers fill, writes block).
 */
import { connect, type Socket } from 'node:net'

/** An SSE connection whose reader can be stalled and resumed. */
export interface StalledSseClient {
  socket: Socket
  /** bytes read so far (headers included) */
  readonly received: number
  /** stops reading: nothing more leaves the kernel's receive buffer */
  stall(): void
  /** reads again and resolves when the server has closed the connection (end, reset or close) */
  resumeUntilClosed(timeoutMs: number): Promise<'closed' | 'open'>
}

/** Connects to `base` and sends `GET path` with the session cookie; resolves once the response headers arrived. */
export async function openStalledSse(base: string, cookie: string, path = '/api/events', headers: Record<string, string> = {}): Promise<StalledSseClient> {
  const url = new URL(base)
  const socket = connect(Number(url.port), url.hostname)
  let received = 0
  let closed = false
  const closedNow = new Promise<void>((resolve) => {
    const done = () => {
      closed = true
      resolve()
    }
    socket.once('close', done)
    socket.once('end', done)
    socket.once('error', done)
  })
  const head = new Promise<void>((resolve, reject) => {
    let text = ''
    const onData = (b: Buffer) => {
      received += b.length
      text += b.toString('latin1')
      if (text.includes('\r\n\r\n')) {
        if (!text.startsWith('HTTP/1.1 200')) reject(new Error(`answered ${text.split('\r\n')[0]}`))
        resolve()
      }
    }
    socket.on('data', onData)
    socket.once('error', reject)
  })
  await new Promise<void>((resolve) => socket.once('connect', resolve))
  const extra = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`)
  socket.write(`GET ${path} HTTP/1.1\r\nhost: ${url.host}\r\naccept: text/event-stream\r\ncookie: ${cookie}\r\n${extra.join('')}\r\n`)
  await head
  return {
    socket,
    get received() {
      return received
    },
    stall: () => socket.pause(),
    async resumeUntilClosed(timeoutMs) {
      socket.resume()
      if (closed) return 'closed'
      const timeout = new Promise<'open'>((r) => setTimeout(() => r('open'), timeoutMs))
      const result = await Promise.race([closedNow.then(() => 'closed' as const), timeout])
      socket.destroy()
      return result
    },
  }
}
