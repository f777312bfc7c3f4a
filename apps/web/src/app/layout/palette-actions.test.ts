import { describe, expect, it } from 'vitest'
import { paletteActionsFor } from './palette-actions.ts'

describe('paletteActionsFor', () => {
  it('gives viewers no mutating action', () => {
    expect(paletteActionsFor('viewer').map((a) => a.id)).toEqual(['toggle-theme', 'log-out'])
    expect(paletteActionsFor(undefined).map((a) => a.id)).toEqual(['toggle-theme', 'log-out'])
  })
  it('keeps node maintenance from operators and gives admins everything', () => {
    expect(paletteActionsFor('operator').map((a) => a.id)).toEqual(['scale-service', 'restart-service', 'run-job', 'install-package', 'toggle-theme', 'log-out'])
    expect(paletteActionsFor('admin').map((a) => a.id)).toContain('drain-node')
  })
})
