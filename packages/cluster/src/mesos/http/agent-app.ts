/**
 * One Mesos agent's HTTP endpoints, reached through Admin Router at `/agent/<agentId>/...`
 * (alias `/slave/<agentId>/...`): the sandbox `files` module, `/slave(1)/state` (alias
 * `/state`) for sandbox discovery, `/health`, and the agent's `/api/v1` for the file calls.
 * Unknown agent ids get 404 (Admin Router cannot resolve them).
 */
import { Hono } from 'hono'
import type { Context } from 'hono'
import { browseV0, listFilesV1, readFileV1, readV0 } from '../sandbox/files-api.ts'
import { agentFileTree } from '../sandbox/file-tree.ts'
import type { MesosMaster } from '../state/master.ts'
import { agentStateV0 } from './render-agent.ts'
import { parseCall } from './operator-call.ts'
import { jsonResponse, plain } from './plain-responses.ts'
import { getVersion } from './render-v1.ts'

async function agentOperatorApi(req: Request, master: MesosMaster, agentId: string): Promise<Response> {
  const parsed = await parseCall(req, 'agent')
  if (!parsed.ok) return parsed.response
  const { call } = parsed
  const tree = agentFileTree(master, agentId)
  const reply = (type: string, payload: unknown) => jsonResponse({ type, [type.toLowerCase()]: payload })
  switch (call.type) {
    case 'GET_HEALTH':
      return reply('GET_HEALTH', { healthy: true })
    case 'GET_VERSION':
      return reply('GET_VERSION', getVersion())
    case 'LIST_FILES': {
      const r = listFilesV1(tree, String((call.list_files as { path: unknown }).path))
      return r.ok ? reply('LIST_FILES', r.value) : plain(r.status, r.message)
    }
    case 'READ_FILE': {
      const p = call.read_file as { path: unknown; offset: unknown; length?: unknown }
      const r = readFileV1(tree, { path: String(p.path), offset: Number(p.offset), ...(p.length !== undefined ? { length: Number(p.length) } : {}) })
      return r.ok ? reply('READ_FILE', r.value) : plain(r.status, r.message)
    }
    default:
      // UNKNOWN, and agent calls the emulator does not model (containers, nested sessions, ...).
      return plain(501)
  }
}

/** Routes relative to the agent root; `agentId` comes from the mount path. */
export function createAgentApp(master: MesosMaster): Hono {
  const app = new Hono()
  const agentOf = (c: Context) => {
    const id = c.req.param('agentId') ?? ''
    return master.agents.get(id)?.status === 'connected' ? id : undefined
  }
  app.all('/:agentId/*', async (c) => {
    const agentId = agentOf(c)
    if (!agentId) return plain(404)
    const rest = c.req.path.slice(c.req.path.indexOf(agentId) + agentId.length)
    const tree = agentFileTree(master, agentId)
    switch (rest) {
      case '/files/browse':
      case '/files/browse.json': {
        const r = browseV0(tree, c.req.query('path'))
        return r.ok ? jsonResponse(r.value) : plain(r.status, r.message)
      }
      case '/files/read':
      case '/files/read.json': {
        const r = readV0(tree, c.req.query())
        return r.ok ? jsonResponse(r.value) : plain(r.status, r.message)
      }
      case '/slave(1)/state':
      case '/slave(1)/state.json':
      case '/state':
      case '/state.json':
        return jsonResponse(agentStateV0(master, agentId))
      case '/health':
      case '/slave(1)/health':
        return new Response(null, { status: 200 })
      case '/api/v1':
        return agentOperatorApi(c.req.raw, master, agentId)
      default:
        return plain(404)
    }
  })
  return app
}
