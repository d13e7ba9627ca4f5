import { discloseSponsored } from '../disclosure'

/** A sponsored item as a theme's product summary renders it: a label, the card's links and buttons. */
const item = (html: string) => {
  document.body.innerHTML = html
  return document.getElementById('item') as HTMLElement
}

describe('discloseSponsored: every link and button of the item says it is sponsored, once', () => {
  it('links: named by the label, then themselves; buttons: described by the label', () => {
    const root = item(`<div id="item"><span id="lbl" aria-hidden="true">Sponsored</span>
      <a href="/p/1">Trail running shoes</a><a id="img-link" href="/p/1"><img alt="Trail running shoes"></a>
      <button>Add to cart</button><div role="button" tabindex="0">Compare</div><span>$ 99.90</span></div>`)
    discloseSponsored(root, 'lbl')
    const [text, image] = Array.from(root.querySelectorAll('a'))
    expect(text.getAttribute('aria-labelledby')).toBe(`lbl ${text.id}`)
    expect(text.id).toMatch(/^lbl-\d+$/)
    // An id the theme gave is kept.
    expect(image.getAttribute('aria-labelledby')).toBe('lbl img-link')
    expect(root.querySelector('button')!.getAttribute('aria-describedby')).toBe('lbl')
    expect(root.querySelector('[role="button"]')!.getAttribute('aria-describedby')).toBe('lbl')
    expect(root.querySelector('span:not(#lbl)')!.hasAttribute('aria-describedby')).toBe(false)
  })

  it("keeps the theme's own references, adds ours once, and the link around a search card too", () => {
    const root = item(`<a id="card-link" href="/p/2"><article id="item"><span id="lbl" aria-hidden="true">Sponsored</span>
      <span id="name">Socks</span><button aria-describedby="hint">Add</button></article></a>`)
    discloseSponsored(root, 'lbl')
    discloseSponsored(root, 'lbl')
    expect(document.getElementById('card-link')!.getAttribute('aria-labelledby')).toBe('lbl card-link')
    expect(root.querySelector('button')!.getAttribute('aria-describedby')).toBe('hint lbl')
    const named = item('<div id="item"><span id="lbl">Sponsored</span><a href="/p/2" aria-labelledby="name price">x</a></div>')
    discloseSponsored(named, 'lbl')
    expect(named.querySelector('a')!.getAttribute('aria-labelledby')).toBe('lbl name price')
  })

  it('reaches links and buttons the theme renders later, and undoes everything when the item is no longer sponsored', async () => {
    const root = item('<div id="item"><span id="lbl">Sponsored</span><button aria-describedby="hint">Add</button></div>')
    const undo = discloseSponsored(root, 'lbl')
    const late = document.createElement('a')
    late.href = '/p/3'
    late.textContent = 'Rain jacket'
    root.appendChild(late)
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(late.getAttribute('aria-labelledby')).toBe(`lbl ${late.id}`)
    undo()
    expect(late.hasAttribute('aria-labelledby')).toBe(false)
    expect(late.hasAttribute('id')).toBe(false)
    expect(root.querySelector('button')!.getAttribute('aria-describedby')).toBe('hint')
  })
})
