import type { SponsoredAd } from './types'

export interface Creative {
  url: string
  video: boolean
}

/**
 * The media to show for a banner or brand ad: among sized assets, the one whose aspect ratio is
 * closest to the box the block reserves (so `object-fit` crops least); else `media_url`.
 */
export function pickCreative(ad: SponsoredAd, width: number, height: number): Creative | undefined {
  const target = width / height
  const sized = ad.assets.filter((asset) => asset.width && asset.height)
  const best = sized.sort((a, b) => Math.abs((a.width as number) / (a.height as number) - target) - Math.abs((b.width as number) / (b.height as number) - target))[0] || ad.assets[0]
  if (best) return { url: best.url, video: best.type === 'video' }
  return ad.mediaUrl ? { url: ad.mediaUrl, video: ad.assetType === 'video' || /\.(mp4|webm)(\?|$)/i.test(ad.mediaUrl) } : undefined
}
