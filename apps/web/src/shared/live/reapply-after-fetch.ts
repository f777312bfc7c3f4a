/**
 * A live delta patched into a cached list while that list is being refetched would be lost: the
 * response, built before the change, overwrites the patch. So when the query is fetching, the
 * patch is applied again once that fetch succeeds.
 */
import { hashKey, type QueryClient, type QueryKey } from '@tanstack/react-query'

export function reapplyAfterFetch(qc: QueryClient, queryKey: QueryKey, patch: () => void): void {
  if (qc.getQueryState(queryKey)?.fetchStatus !== 'fetching') return
  const hash = hashKey(queryKey)
  const unsubscribe = qc.getQueryCache().subscribe((event) => {
    if (event.query.queryHash !== hash || event.type !== 'updated') return
    const action = event.action
    // setQueryData also dispatches 'success' (manual): only the fetch landing counts.
    if (action.type === 'success' && action.manual) return
    if (action.type !== 'success' && action.type !== 'error') return
    unsubscribe()
    if (action.type === 'success') patch()
  })
}
