import { create } from 'zustand'

export type ToastTone = 'info' | 'success' | 'error' | 'progress'

export interface Toast {
  id: number
  tone: ToastTone
  title: string
  message?: string
}

interface ToastState {
  toasts: Toast[]
  toastShown: (t: Omit<Toast, 'id'>) => number
  toastUpdated: (id: number, patch: Partial<Omit<Toast, 'id'>>) => void
  toastDismissed: (id: number) => void
}

let nextId = 1

/** UI-only notifications. Long operations show a `progress` toast and update it on completion. */
export const useToastStore = create<ToastState>()((set) => ({
  toasts: [],
  toastShown: (t) => {
    const id = nextId++
    set((s) => ({ toasts: [...s.toasts.slice(-4), { ...t, id }] }))
    return id
  },
  toastUpdated: (id, patch) => set((s) => ({ toasts: s.toasts.map((t) => (t.id === id ? { ...t, ...patch } : t)) })),
  toastDismissed: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}))

/** Convenience for mutation callbacks outside React render. */
export const toast = {
  show: (t: Omit<Toast, 'id'>) => useToastStore.getState().toastShown(t),
  update: (id: number, patch: Partial<Omit<Toast, 'id'>>) => useToastStore.getState().toastUpdated(id, patch),
  dismiss: (id: number) => useToastStore.getState().toastDismissed(id),
}
