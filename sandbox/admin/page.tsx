import React from 'react'
import { render } from 'react-dom'
import AdsEventsAdmin from '../../react/AdsEventsAdmin'

/** The admin route's component, mounted as the Admin would mount it. */
render(<AdsEventsAdmin />, document.getElementById('root'))
