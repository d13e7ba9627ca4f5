import { normalizeSettings } from '../appSettings'
import { resetSettingsChangeMemory, runOnSettingsChange } from '../onSettingsChange'

const scope = { account: 'mystore', workspace: 'master' }

beforeEach(resetSettingsChangeMemory)

describe('runOnSettingsChange', () => {
  it('runs once per settings version and scope, again after a change', async () => {
    const runs: string[] = []
    const work = (label: string) => async () => void runs.push(label)
    await runOnSettingsChange(scope, normalizeSettings({ publisherId: 'a' }), work('first'))
    expect(runOnSettingsChange(scope, normalizeSettings({ publisherId: 'a' }), work('same'))).toBeUndefined()
    await runOnSettingsChange({ ...scope, workspace: 'dev' }, normalizeSettings({ publisherId: 'a' }), work('other workspace'))
    await runOnSettingsChange(scope, normalizeSettings({ publisherId: 'b' }), work('changed'))
    expect(runs).toEqual(['first', 'other workspace', 'changed'])
  })

  it('does not overlap runs and retries after a failure', async () => {
    let release: () => void = () => undefined
    const slow = runOnSettingsChange(scope, normalizeSettings({}), () => new Promise<void>((resolve) => (release = resolve)))
    expect(runOnSettingsChange(scope, normalizeSettings({}), async () => undefined)).toBeUndefined()
    release()
    await slow

    const failing = runOnSettingsChange(scope, normalizeSettings({ publisherId: 'x' }), async () => {
      throw new Error('checkout 503')
    })
    await expect(failing).rejects.toThrow('checkout 503')
    const retried = jest.fn(async () => undefined)
    await runOnSettingsChange(scope, normalizeSettings({ publisherId: 'x' }), retried)
    expect(retried).toHaveBeenCalledTimes(1)
  })
})
