/**
 * The part of vtex.styleguide (9.x, provided by the VTEX admin as an app dependency, not npm) the
 * admin page uses, typed from the component propTypes of @vtex/styleguide 9.146. The sandbox's admin
 * runs that npm build itself (sandbox/admin/build.ts), so there is no stand-in. Follows:
 * - vtex/styleguide@9.146.13 (npm): lib/index.js
 */
declare module 'vtex.styleguide' {
  import type { ComponentType, ReactNode, Context } from 'react'

  type Size = 'small' | 'regular' | 'large'

  export const Layout: ComponentType<{ pageHeader: ReactNode; fullWidth?: boolean; children?: ReactNode }>
  export const PageHeader: ComponentType<{ title: ReactNode; subtitle?: ReactNode; children?: ReactNode }>
  export const PageBlock: ComponentType<{ variation?: 'full' | 'half' | 'annotated' | 'aside'; title?: string; subtitle?: string; titleAside?: ReactNode; children?: ReactNode }>
  export const Tabs: ComponentType<{ fullWidth?: boolean; sticky?: boolean; children?: ReactNode }>
  export const Tab: ComponentType<{ label: ReactNode; active?: boolean; onClick?: () => void; disabled?: boolean; children?: ReactNode }>
  export const Button: ComponentType<{
    variation?: 'primary' | 'secondary' | 'tertiary' | 'danger' | 'danger-tertiary'
    size?: Size
    type?: string
    isLoading?: boolean
    disabled?: boolean
    block?: boolean
    noUpperCase?: boolean
    testId?: string
    onClick?: (event: unknown) => void
    children: ReactNode
  }>
  export const Input: ComponentType<{
    id?: string
    type?: string
    label?: ReactNode
    value?: string | number
    placeholder?: string
    helpText?: ReactNode
    errorMessage?: string
    error?: boolean
    size?: Size
    testId?: string
    onChange?: (event: { target: { value: string } }) => void
    onKeyDown?: (event: { key: string }) => void
  }>
  export const Dropdown: ComponentType<{
    id?: string
    label?: ReactNode
    value?: string | number
    options: Array<{ value: string | number; label: string | number; disabled?: boolean }>
    size?: Size
    testId?: string
    onChange?: (event: unknown, value: string) => void
  }>
  export const Alert: ComponentType<{ type: 'success' | 'error' | 'warning'; onClose?: () => void; children: ReactNode }>
  export const Spinner: ComponentType<{ size?: number; color?: string; block?: boolean }>
  export const EmptyState: ComponentType<{ title?: ReactNode; children?: ReactNode }>
  export const Tag: ComponentType<{ type?: 'success' | 'error' | 'warning'; bgColor?: string; color?: string; size?: Size; variation?: 'default' | 'low'; children: ReactNode }>
  export const ToastProvider: ComponentType<{ positioning?: 'parent' | 'window'; children?: ReactNode }>
  export const ToastContext: Context<{ showToast(toast: string | { message: string; duration?: number }): void; hideToast(): void }>

  /** Table v2: a semantic <table> (thead, tbody), unlike the virtualized grid of Table. */
  export const EXPERIMENTAL_Table: ComponentType<{
    measures: unknown
    columns: Array<{ id: string; title?: ReactNode; width?: number | string; extended?: boolean; cellRenderer?: (cell: { data: unknown }) => ReactNode }>
    items: object[]
    rowKey?: (row: { rowData: unknown }) => string
    loading?: boolean
    empty?: boolean
    emptyState?: { label?: ReactNode; children?: ReactNode }
    highlightOnHover?: boolean
    testId?: string
    children?: ReactNode
  }>
  export function EXPERIMENTAL_useTableMeasures(input: { size: number; density?: 'compact' | 'regular' | 'comfortable' }): unknown
}
