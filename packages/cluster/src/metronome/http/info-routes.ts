/** Metronome's ApplicationController: /ping, /info, /leader; and the unknown-route handler. */
import type { Hono } from 'hono'
import type { MetronomeService } from '../metronome-service.ts'
import { METRONOME_PORT } from '../metronome-service.ts'
import { clientError } from './responses.ts'

/** The Metronome release emulated (DC/OS 2.x line) and the Marathon library it embeds. */
export const METRONOME_INFO = { version: '0.6.66', libVersion: '1.9.109' }

export function registerInfoRoutes(app: Hono, svc: MetronomeService, base: string): void {
  app.get('/ping', (c) => c.text('pong', 200))
  app.get('/info', (c) => c.json(METRONOME_INFO, 200))
  app.get('/leader', (c) => c.json({ leader: `${svc.master.ip}:${METRONOME_PORT}` }, 200))
  // Play's router miss goes through ErrorHandler.onClientError: 404 "Unknown route.".
  app.all('*', (c) => clientError(c, base, 404, 'Unknown route.'))
}
