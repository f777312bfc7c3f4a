import { create } from 'zustand'
import { persist } from 'zustand/middleware'

export type ThemeChoice = 'system' | 'light' | 'dark'

interface ThemeState {
  choice: ThemeChoice
  themeChosen: (choice: ThemeChoice) => void
}

/** The user's theme choice, persisted; `system` follows `prefers-color-scheme`. */
export const useThemeStore = create<ThemeState>()(
  persist((set) => ({ choice: 'system', themeChosen: (choice) => set({ choice }) }), { name: 'meridian-theme' }),
)

export function resolveTheme(choice: ThemeChoice, prefersDark: boolean): 'light' | 'dark' {
  return choice === 'system' ? (prefersDark ? 'dark' : 'light') : choice
}
