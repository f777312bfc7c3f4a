/** Node filters and sort, read from and written to the URL search params. */
import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import { MAINTENANCE_STATES, NODE_HEALTH } from '@meridian/api'
import { DEFAULT_NODE_FILTERS, NODE_SORT_KEYS, type NodeFilters } from '../model/node-filters.ts'

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T | ''): T | '' {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback
}

export function parseNodeFilters(p: URLSearchParams): NodeFilters {
  return {
    q: p.get('q') ?? '',
    health: oneOf(p.get('health'), NODE_HEALTH, ''),
    zone: p.get('zone') ?? '',
    type: oneOf(p.get('type'), ['public', 'private'] as const, ''),
    maintenance: oneOf(p.get('maintenance'), [...MAINTENANCE_STATES, 'any'] as const, ''),
    sort: oneOf(p.get('sort'), NODE_SORT_KEYS, DEFAULT_NODE_FILTERS.sort) || DEFAULT_NODE_FILTERS.sort,
    dir: p.get('dir') === 'desc' ? 'desc' : 'asc',
  }
}

export function useNodeFilters(): [NodeFilters, (patch: Partial<NodeFilters>) => void] {
  const [params, setParams] = useSearchParams()
  const filters = useMemo(() => parseNodeFilters(params), [params])
  const update = useCallback(
    (patch: Partial<NodeFilters>) =>
      setParams(
        (p) => {
          const out = new URLSearchParams(p)
          for (const [k, v] of Object.entries(patch)) {
            if (v === '' || v === DEFAULT_NODE_FILTERS[k as keyof NodeFilters]) out.delete(k)
            else out.set(k, String(v))
          }
          return out
        },
        { replace: true },
      ),
    [setParams],
  )
  return [filters, update]
}
