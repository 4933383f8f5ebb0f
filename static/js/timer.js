// The facilitator's countdown, shown on every screen. The server sends `ends_at` with its own
// `now` (unix seconds); the difference to this device's clock is the skew, so a phone whose
// clock is minutes off still counts down to the same moment as the projector.

import { format } from './page.js';

const ENDING_SECONDS = 30;

/** "4:05" for 245 seconds. */
export function clock(seconds) {
  const whole = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

export class Countdown {
  /** elements: where the time shows (hidden while no countdown runs); text: {left, done}. */
  constructor(elements, text) {
    this.elements = elements;
    this.text = text;
    this.endsAt = null;
    this.skewMs = 0; // server clock minus this device's clock
    this.interval = null;
  }

  /** A new `timer` (ends_at in unix seconds or null); `now` is the server's clock if known. */
  set(endsAt, now) {
    if (typeof now === 'number') this.skewMs = now * 1000 - Date.now();
    this.endsAt = typeof endsAt === 'number' ? endsAt : null;
    window.clearInterval(this.interval);
    this.interval = null;
    if (this.endsAt !== null) this.interval = window.setInterval(() => this.tick(), 250);
    this.tick();
  }

  /** Whether a countdown was set and its time is up ("De tijd is om" shows). */
  get ranOut() {
    return this.endsAt !== null && this.endsAt - (Date.now() + this.skewMs) / 1000 <= 0;
  }

  tick() {
    let label = '';
    let stateName = '';
    if (this.endsAt !== null) {
      const left = this.endsAt - (Date.now() + this.skewMs) / 1000;
      if (left > 0) {
        label = format(this.text.left, { time: clock(left) });
        stateName = left <= ENDING_SECONDS ? 'ending' : 'running';
      } else {
        label = this.text.done;
        stateName = 'done';
        window.clearInterval(this.interval);
        this.interval = null;
      }
    }
    for (const element of this.elements) {
      if (element.textContent !== label) element.textContent = label;
      element.hidden = !label;
      element.dataset.state = stateName;
    }
  }
}
