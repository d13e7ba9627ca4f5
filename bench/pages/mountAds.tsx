import React from 'react'
import ReactDOM from 'react-dom'

import AdTracker from '../../react/AdTracker'

/**
 * The page of main_thread_ms_1000_ads: mounts N ads with and without AdTracker, alternating, in
 * one page whose code is already warm. Each mount is synchronous in React 16 (render, commit,
 * ref callbacks: where the tracker registers the ad), so performance.now() around it is the
 * main-thread time of that work. Every tracked round uses fresh event URLs, so each mount is a
 * first impression for the tracker, as on a new page view.
 */
declare global {
  interface Window {
    __mountAds: (count: number, rounds: number) => { tracked: number[]; untracked: number[] }
  }
}

const Ad = ({ index }: { index: number }) => (
  <a href="#" style={{ display: 'block', height: 200, margin: '0 0 10px', background: '#cde' }}>
    ad {index}
  </a>
)

const page = (count: number, round: number, tracked: boolean) =>
  Array.from({ length: count }, (_, index) =>
    tracked ? (
      <AdTracker
        key={index}
        impression_url={`/v1/beacon/impression/r${round}a${index}`}
        view_url={`/v1/beacon/view/r${round}a${index}`}
        click_url={`/v1/beacon/click/r${round}a${index}`}
      >
        <Ad index={index} />
      </AdTracker>
    ) : (
      <Ad key={index} index={index} />
    )
  )

window.__mountAds = (count, rounds) => {
  const root = document.getElementById('root') as HTMLElement
  const times = { tracked: [] as number[], untracked: [] as number[] }
  const mount = (tracked: boolean, round: number) => {
    const started = performance.now()
    ReactDOM.render(<div>{page(count, round, tracked)}</div>, root)
    const elapsed = performance.now() - started
    ReactDOM.unmountComponentAtNode(root)
    return elapsed
  }
  for (let round = 0; round < rounds; round++) {
    // Alternate which goes first, so neither always runs after a GC of the other's garbage.
    const trackedFirst = round % 2 === 0
    if (trackedFirst) times.tracked.push(mount(true, round))
    times.untracked.push(mount(false, round))
    if (!trackedFirst) times.tracked.push(mount(true, round))
  }
  return times
}
