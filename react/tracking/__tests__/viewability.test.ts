import { FakeIntersectionObserver, setTabVisibility } from './fakeIntersectionObserver'

describe('watchView (the view rule)', () => {
  let watchView: typeof import('../viewability').watchView
  const io = () => FakeIntersectionObserver.instances[0]

  beforeEach(() => {
    jest.useFakeTimers()
    FakeIntersectionObserver.instances = []
    ;(global as unknown as { IntersectionObserver: unknown }).IntersectionObserver = FakeIntersectionObserver
    setTabVisibility('visible')
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh module per test = a fresh page load
      watchView = require('../viewability').watchView
    })
  })
  afterEach(() => jest.useRealTimers())

  const ad = () => document.body.appendChild(document.createElement('div'))

  it('fires after 1 s at ≥ 50 %, not at 0.9 s, and only once', () => {
    const el = ad()
    const viewed = jest.fn()
    watchView(el, 1000, viewed)
    io().report(el, 0.5)
    jest.advanceTimersByTime(900)
    expect(viewed).not.toHaveBeenCalled()
    jest.advanceTimersByTime(100)
    expect(viewed).toHaveBeenCalledTimes(1)
    io().report(el, 0.2)
    io().report(el, 1)
    jest.advanceTimersByTime(5000)
    expect(viewed).toHaveBeenCalledTimes(1)
  })

  it('never fires at 49 %', () => {
    const el = ad()
    const viewed = jest.fn()
    watchView(el, 1000, viewed)
    io().report(el, 0.49)
    jest.advanceTimersByTime(10000)
    expect(viewed).not.toHaveBeenCalled()
  })

  it('resets the clock when the ad drops below 50 % (continuous second)', () => {
    const el = ad()
    const viewed = jest.fn()
    watchView(el, 1000, viewed)
    io().report(el, 0.8)
    jest.advanceTimersByTime(700)
    io().report(el, 0.3)
    jest.advanceTimersByTime(700)
    io().report(el, 0.8)
    jest.advanceTimersByTime(700)
    expect(viewed).not.toHaveBeenCalled()
    jest.advanceTimersByTime(300)
    expect(viewed).toHaveBeenCalledTimes(1)
  })

  it('resets the clock when the tab is hidden and restarts it when visible again', () => {
    const el = ad()
    const viewed = jest.fn()
    watchView(el, 1000, viewed)
    io().report(el, 1)
    jest.advanceTimersByTime(800)
    setTabVisibility('hidden')
    jest.advanceTimersByTime(5000)
    expect(viewed).not.toHaveBeenCalled()
    setTabVisibility('visible')
    jest.advanceTimersByTime(999)
    expect(viewed).not.toHaveBeenCalled()
    jest.advanceTimersByTime(1)
    expect(viewed).toHaveBeenCalledTimes(1)
  })

  it('does not start the clock for an ad that becomes visible while the tab is hidden', () => {
    const el = ad()
    const viewed = jest.fn()
    watchView(el, 1000, viewed)
    setTabVisibility('hidden')
    io().report(el, 1)
    jest.advanceTimersByTime(3000)
    expect(viewed).not.toHaveBeenCalled()
  })

  it('uses the given duration (video: 2 s)', () => {
    const el = ad()
    const viewed = jest.fn()
    watchView(el, 2000, viewed)
    io().report(el, 1)
    jest.advanceTimersByTime(1999)
    expect(viewed).not.toHaveBeenCalled()
    jest.advanceTimersByTime(1)
    expect(viewed).toHaveBeenCalledTimes(1)
  })

  it('shares one observer, with thresholds [0, 0.3, 0.5], across all ads, and keeps no timer for ads out of view', () => {
    const viewed = jest.fn()
    const els = Array.from({ length: 50 }, ad)
    els.forEach((el) => watchView(el, 1000, viewed))
    expect(FakeIntersectionObserver.instances).toHaveLength(1)
    expect(io().options?.threshold).toEqual([0, 0.3, 0.5])
    expect(io().observed.size).toBe(50)
    io().report(els[3], 0.6)
    expect(jest.getTimerCount()).toBe(1)
    jest.advanceTimersByTime(1000)
    expect(viewed).toHaveBeenCalledTimes(1)
    expect(io().observed.size).toBe(49)
  })

  // 970×250 = 242,500 px² exactly is not "over"; 970×251 is.
  it('counts 30 % for a display ad over 242,500 px² (MRC large ad), 50 % up to that size', () => {
    const [large, edge] = [ad(), ad()]
    const viewed = jest.fn()
    watchView(large, 1000, () => viewed('large'))
    watchView(edge, 1000, () => viewed('edge'))
    io().report(large, 0.3, { width: 970, height: 251 })
    io().report(edge, 0.49, { width: 970, height: 250 })
    jest.advanceTimersByTime(1000)
    expect(viewed.mock.calls).toEqual([['large']])
  })

  it('keeps 50 % for a large ad below 30 %, and for a large video', () => {
    const [large, video] = [ad(), ad()]
    const viewed = jest.fn()
    watchView(large, 1000, () => viewed('large'))
    watchView(video, 2000, () => viewed('video'), true)
    io().report(large, 0.29, { width: 1000, height: 2000 })
    io().report(video, 0.4, { width: 1000, height: 2000 })
    jest.advanceTimersByTime(5000)
    expect(viewed).not.toHaveBeenCalled()
    io().report(video, 0.5, { width: 1000, height: 2000 })
    jest.advanceTimersByTime(2000)
    expect(viewed.mock.calls).toEqual([['video']])
  })

  it('stops watching on cleanup (unmount)', () => {
    const el = ad()
    const viewed = jest.fn()
    const stop = watchView(el, 1000, viewed)
    io().report(el, 1)
    stop()
    jest.advanceTimersByTime(2000)
    expect(viewed).not.toHaveBeenCalled()
    expect(io().observed.size).toBe(0)
  })
})
