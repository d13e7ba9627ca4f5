import { decideOnState } from '../orderFlow'

describe('decideOnState', () => {
  it('converts at or past the trigger, ignores before it', () => {
    expect(decideOnState('order-created', 'order-created')).toBe('convert')
    expect(decideOnState('payment-pending', 'payment-approved')).toBe('ignore')
    expect(decideOnState('payment-approved', 'payment-approved')).toBe('convert')
    expect(decideOnState('handling', 'ready-for-handling')).toBe('convert')
    expect(decideOnState('ready-for-handling', 'invoiced')).toBe('ignore')
    expect(decideOnState('invoice', 'invoiced')).toBe('ignore')
    expect(decideOnState('invoiced', 'invoiced')).toBe('convert')
    expect(decideOnState('invoiced', 'order-created')).toBe('convert')
  })

  it('cancels only on canceled; side states never trigger', () => {
    expect(decideOnState('canceled', 'invoiced')).toBe('cancel')
    expect(decideOnState('cancellation-requested', 'order-created')).toBe('ignore')
    expect(decideOnState('payment-denied', 'order-created')).toBe('ignore')
    expect(decideOnState('something-new', 'order-created')).toBe('ignore')
  })
})
