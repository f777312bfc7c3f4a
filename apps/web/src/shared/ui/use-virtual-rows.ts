/**
 * Windowed rows for the long tables (10,000 nodes, 10,000 services), on TanStack Virtual: only
 * the rows in view (plus `overscan`) are in the DOM.
 */
import { useCallback, useRef } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'

export function useVirtualRows<T extends { id: string }>(items: readonly T[], rowHeight: number, overscan: number) {
  const scrollRef = useRef<HTMLDivElement>(null)
  // A stable key function: a new one each render makes the virtualizer rebuild all 10,000 row
  // measurements on every scroll frame.
  const getItemKey = useCallback((i: number) => items[i]?.id ?? i, [items])
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns fresh functions by design
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan,
    getItemKey,
    // Render entering rows in React's own task instead of synchronously inside the scroll event,
    // which Chromium dispatches within the frame's style/layout/paint task: two short tasks
    // instead of one long one per frame of a fast scroll.
    useFlushSync: false,
  })
  return { scrollRef, virtualizer }
}
