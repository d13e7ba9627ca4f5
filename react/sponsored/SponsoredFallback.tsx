import React, { ReactNode } from 'react'

import { fallbackSchema } from './editorSchemas'

/**
 * Block `sponsored-fallback`: holds the theme's own blocks (its `children`) that a sponsored block
 * shows in its reserved space when no ad comes. Renders them as they are; the sponsored block
 * decides when and sizes the space (fallback.tsx).
 */
const SponsoredFallback = ({ children }: { children?: ReactNode }) => <>{children}</>

SponsoredFallback.schema = fallbackSchema()

export default SponsoredFallback
