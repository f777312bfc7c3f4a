/**
 * Typed read/write access to URL search params, so filters, sort and selection are shareable.
 * Writes use `replace` to avoid flooding history while typing.
 */
import { useCallback } from 'react'
import { useSearchParams } from 'react-router'

export function useUrlParam(name: string, fallback = ''): [string, (next: string) => void] {
  const [params, setParams] = useSearchParams()
  const value = params.get(name) ?? fallback
  const set = useCallback(
    (next: string) =>
      setParams(
        (p) => {
          const out = new URLSearchParams(p)
          if (next === '' || next === fallback) out.delete(name)
          else out.set(name, next)
          return out
        },
        { replace: true },
      ),
    [name, fallback, setParams],
  )
  return [value, set]
}
