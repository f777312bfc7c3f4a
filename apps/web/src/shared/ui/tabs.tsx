/**
 * Tabs whose selection lives in the URL (`?tab=`), so every tab is linkable. Arrow keys move
 * between tabs (WAI-ARIA tabs pattern, automatic activation).
 */
import { useId, useRef, type ReactNode } from 'react'
import { useSearchParams } from 'react-router'

export interface TabDef {
  id: string
  label: string
  content: () => ReactNode
}

export function UrlTabs({ tabs, label, param = 'tab' }: { tabs: TabDef[]; label: string; param?: string }) {
  const [params, setParams] = useSearchParams()
  const base = useId()
  const listRef = useRef<HTMLDivElement>(null)
  const current = tabs.find((t) => t.id === params.get(param)) ?? tabs[0]
  if (!current) return null
  const select = (id: string) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p)
        next.set(param, id)
        return next
      },
      { replace: true },
    )
  const onKeyDown = (e: React.KeyboardEvent) => {
    const i = tabs.findIndex((t) => t.id === current.id)
    const delta = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0
    if (!delta) return
    const next = tabs[(i + delta + tabs.length) % tabs.length]
    if (!next) return
    select(next.id)
    listRef.current?.querySelector<HTMLElement>(`#${CSS.escape(`${base}-${next.id}`)}`)?.focus()
  }
  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} className="tab-list" ref={listRef} onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.id}
            id={`${base}-${t.id}`}
            type="button"
            role="tab"
            aria-selected={t.id === current.id}
            aria-controls={`${base}-panel`}
            tabIndex={t.id === current.id ? 0 : -1}
            className="tab"
            onClick={() => select(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-${current.id}`} className="tab-panel">
        {current.content()}
      </div>
    </div>
  )
}
