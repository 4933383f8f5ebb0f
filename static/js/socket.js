// The live connection every screen shares (uses the global `io` of the vendored client).
//
// On every (re)connect the page authenticates again (join, facilitate or present) and redraws
// from the state in that answer, so a phone that slept, reloaded or lost the network comes
// back as the same participant. Broadcasts carry the workshop version. Each event is a
// snapshot of one part of the screen (phase, participants, themes, board…), so an event older
// than the last one of the same name, or than the whole state, is dropped. Not every change
// reaches every screen, so a skipped number is normal, not a lost message.

import { store } from './page.js';

const ACK_TIMEOUT_MS = 8000;
const WAKE_PROBE_MS = 4000;
const SYNC_DELAY_MS = 250;
const RECONNECT_CHECK_MS = 5000;
// A server restart or a Wi-Fi blip brings every phone back at once. Reconnect attempts back
// off exponentially (about 1 s, 2 s, 4 s … at most 10 s), each delay drawn at random within
// ±50 %, so a hall of phones returns spread out instead of in one wave.
const RECONNECTION = { reconnectionDelay: 1000, reconnectionDelayMax: 10000, randomizationFactor: 0.5 };
// Phones that gave up waiting for a slow server's answer start over within this spread.
const RESTART_SPREAD_MS = 3000;

/** The server did not answer in time, or there was no connection to ask it. */
export class NoAnswer extends Error {}

/** Emit `event` and resolve with the server's ack; reject with NoAnswer after `timeoutMs`.
    Never emits while disconnected: socket.io would buffer the packet and deliver it on the next
    connection before that connection has authenticated. */
export function emitAck(socket, event, payload, timeoutMs = ACK_TIMEOUT_MS) {
  return new Promise((resolve, reject) => {
    if (!socket.connected) {
      reject(new NoAnswer(`${event}: offline`));
      return;
    }
    socket.timeout(timeoutMs).emit(event, payload, (error, answer) => {
      if (error) reject(new NoAnswer(`${event}: no answer`));
      else resolve(answer);
    });
  });
}

/** One screen's connection to its workshop.
    authenticate(socket) → Promise of the ack (or null when the page has nothing to send yet);
    onState(state) redraws everything; events maps broadcast names to handlers;
    onStatus('connecting' | 'online' | 'offline'); onReady() runs after each authentication;
    onAuthError(answer) gets a refused authentication. */
export class Live {
  constructor({ authenticate, onState, events = {}, onStatus = () => {}, onReady = () => {},
                onAuthError = () => {} }) {
    Object.assign(this, { authenticate, onState, onStatus, onReady, onAuthError });
    this.version = -1;
    this.seen = -1; // highest version broadcast while not yet authenticated
    this.ready = false;
    this.stopped = false;
    this.authenticating = false;
    this.syncTimer = null;
    this.socket = window.io({ transports: ['websocket', 'polling'], ...RECONNECTION });
    this.socket.on('connect', () => this.reauthenticate());
    this.socket.on('disconnect', () => {
      this.ready = false;
      this.onStatus('offline');
    });
    this.socket.io.on('reconnect_attempt', () => this.onStatus('connecting'));
    this.versions = {}; // per event name: the version of the last snapshot applied
    for (const [name, handler] of Object.entries(events)) {
      this.socket.on(name, (payload) => this._receive(name, payload, handler));
    }
    // The browser knows before socket.io does that the network is gone or back.
    window.addEventListener('offline', () => this.socket.disconnect());
    window.addEventListener('online', () => this.wake());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') this.wake();
    });
    window.setInterval(() => {
      if (!this.socket.connected && !this.socket.active && navigator.onLine !== false) this.wake();
    }, RECONNECT_CHECK_MS);
    this.onStatus('connecting');
  }

  /** Authenticate this connection again (after a reconnect, or with new credentials). */
  async reauthenticate() {
    if (this.stopped || this.authenticating) return;
    if (!this.socket.connected) {
      this.wake();
      return;
    }
    this.authenticating = true;
    this.ready = false;
    this.onStatus('connecting');
    let answer;
    try {
      answer = await this.authenticate(this.socket);
    } catch {
      // no answer in time: start the connection over, which authenticates again; a busy
      // server leaves many phones without an answer at once, so they return spread out
      this.authenticating = false;
      this._restart(true);
      return;
    }
    this.authenticating = false;
    if (!answer) {
      // connected, with nothing to authenticate yet (a phone before its first join)
      this.onStatus('online');
      return;
    }
    if (!answer.ok) {
      this.onStatus('online');
      this.onAuthError(answer);
      return;
    }
    this.version = answer.state.version;
    this.ready = true;
    this.onStatus('online');
    this.onState(answer.state);
    this.onReady();
    if (this.seen > this.version) this.requestSync();
  }

  /** Reconnect if the connection is gone; if it looks alive, check it answers (a phone that
      slept can hold a dead connection for a while), and catch up with `sync`. `now`: the
      person asked, so skip the wait of the back-off. */
  async wake(now = false) {
    if (this.stopped) return;
    if (!this.socket.connected) {
      if (now) this._restart();
      else if (!this.socket.active) this.socket.connect();
      return;
    }
    if (!this.ready) return;
    try {
      const answer = await emitAck(this.socket, 'sync', { since: this.version }, WAKE_PROBE_MS);
      if (answer.ok) this._applyState(answer.state);
    } catch {
      this._restart();
    }
  }

  /** Ask for the whole state soon (several gaps in a burst cost one request). */
  requestSync() {
    if (this.syncTimer !== null) return;
    this.syncTimer = window.setTimeout(async () => {
      this.syncTimer = null;
      if (!this.ready) return;
      try {
        const answer = await emitAck(this.socket, 'sync', { since: this.version });
        if (answer.ok) this._applyState(answer.state);
      } catch {
        // the next reconnect authenticates and redraws anyway
      }
    }, SYNC_DELAY_MS);
  }

  /** Close the connection for good (refused credentials, or the mentor signs off). */
  stop() {
    this.stopped = true;
    this.ready = false;
    this.socket.disconnect();
  }

  _restart(spread = false) {
    this.ready = false;
    this.socket.disconnect();
    if (!spread) {
      this.socket.connect();
      return;
    }
    window.setTimeout(() => {
      if (!this.stopped && !this.socket.active) this.socket.connect();
    }, Math.random() * RESTART_SPREAD_MS);
  }

  _applyState(state) {
    if (state.version < this.version) {
      // broadcasts overtook this answer: ask again rather than draw an older picture
      this.requestSync();
      return;
    }
    this.version = state.version;
    this.versions = {};
    this.onState(state);
  }

  _receive(name, payload, handler) {
    const version = payload && typeof payload.version === 'number' ? payload.version : null;
    if (!this.ready) {
      // the authentication answer will carry this change, or a sync will
      if (version !== null) this.seen = Math.max(this.seen, version);
      return;
    }
    if (version === null) {
      handler(payload);
      return;
    }
    if (version < (this.versions[name] ?? this.version)) return;
    this.versions[name] = version;
    this.version = Math.max(this.version, version);
    handler(payload);
  }
}

/** A refused `facilitate` or `present`: a passing server problem is retried in 3 s; a wrong
    key ends the session, forgets the key and says why. */
export function retryUnlessForbidden(live, answer, { showStatus, refuse, forget }) {
  if (answer.error !== 'forbidden') {
    showStatus('connecting');
    window.setTimeout(() => live.reauthenticate(), 3000);
    return;
  }
  live.stop();
  forget();
  refuse(answer.message);
}

/** A client id for idempotent writes. crypto.randomUUID exists only in secure contexts
    (https or localhost), and phones reach the laptop over plain http on the LAN. */
export function newId() {
  const crypto = window.crypto;
  if (crypto && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  if (crypto && typeof crypto.getRandomValues === 'function') {
    crypto.getRandomValues(bytes);
  } else {
    for (let i = 0; i < bytes.length; i += 1) bytes[i] = Math.floor(Math.random() * 256);
  }
  bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Writes waiting for the server's ack, kept in localStorage so a reload or a dead battery
    does not lose them. Each item carries its client id, so sending it twice is harmless. */
export class Outbox {
  constructor(storageKey) {
    this.key = storageKey;
    this.items = store.get(storageKey) || [];
    this.flushing = false;
  }

  put(item) {
    this.items = [...this.items, item];
    this._save();
  }

  drop(id) {
    this.items = this.items.filter((item) => item.id !== id);
    this._save();
  }

  clear() {
    this.items = [];
    store.remove(this.key);
  }

  /** Send the items in order with send(item) → Promise of the ack. An answered item leaves the
      outbox (onAnswer(item, answer) handles ok and refusal); keep(answer) says a refusal is
      worth retrying later. Stops at the first item without an answer. Returns true when
      everything was answered. */
  async flush(send, { onAnswer, keep = () => false }) {
    if (this.flushing) return false;
    this.flushing = true;
    const tried = new Set();
    try {
      for (;;) {
        const item = this.items.find((candidate) => !tried.has(candidate.id));
        if (!item) return true;
        tried.add(item.id);
        let answer;
        try {
          answer = await send(item);
        } catch {
          return false;
        }
        if (!answer.ok && keep(answer)) return false;
        this.drop(item.id);
        onAnswer(item, answer);
      }
    } finally {
      this.flushing = false;
    }
  }

  _save() {
    if (this.items.length) store.set(this.key, this.items);
    else store.remove(this.key);
  }
}
