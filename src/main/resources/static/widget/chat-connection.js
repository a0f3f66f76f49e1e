// The chat socket (protocol: docs/protocol.md). It reconnects with exponential back-off after a drop while the
// chat is in use; a closed chat reconnects only when it is used again, so idle pages hold no connection.

const FIRST_RETRY_MS = 500;
const LONGEST_RETRY_MS = 15000;
// The server allows a burst of 10 messages per connection; a queue within it is sent without being refused.
const MAX_QUEUED = 5;
// Handshakes that fail before any succeeds, after which the server counts as out of reach.
const FAILURES_BEFORE_UNAVAILABLE = 3;

export class ChatConnection {
  /**
   * @param {URL} server the server's base URL
   * @param {{onFrame: function(object), onState: function(string), wanted: function(): boolean}} listener
   *        states: idle, connecting, online, reconnecting; unavailable (the server cannot be reached: frames
   *        waiting to be sent are dropped, and it keeps trying while wanted); refused (the server does not let
   *        this page chat: nothing more is tried or sent). wanted() tells whether to reconnect after a drop.
   */
  constructor(server, listener) {
    this.url = new URL('ws/chat', server);
    this.url.protocol = this.url.protocol === 'https:' ? 'wss:' : 'ws:';
    this.accessUrl = new URL('api/v1/chat/access', server);
    this.listener = listener;
    this.queue = [];
    this.retries = 0;
    this.everOpened = false;
    this.refused = false;
    this.sessionId = null;
    this.socket = null;
    this.retryTimer = null;
  }

  /** Connects unless already connected or connecting, or refused. */
  connect(sessionId) {
    if (sessionId) {
      this.sessionId = sessionId;
    }
    if (this.refused || (this.socket && this.socket.readyState <= WebSocket.OPEN)) {
      return;
    }
    clearTimeout(this.retryTimer);
    const url = new URL(this.url);
    if (this.sessionId) {
      url.searchParams.set('sessionId', this.sessionId);
    }
    this.listener.onState(this.retries === 0 ? 'connecting' : this.retryingState());
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.retries = 0;
      this.everOpened = true;
      this.listener.onState('online');
      this.queue.splice(0).forEach((frame) => socket.send(frame));
    });
    socket.addEventListener('message', (event) => {
      if (this.socket !== socket) {
        return; // a socket left behind by restart(): what it still says belongs to the conversation gone
      }
      let frame;
      try {
        frame = JSON.parse(event.data);
      } catch {
        return;
      }
      if (frame.type === 'welcome') {
        this.sessionId = frame.sessionId;
      }
      this.listener.onFrame(frame);
    });
    socket.addEventListener('close', () => {
      if (this.socket !== socket) {
        return;
      }
      this.socket = null;
      this.retries += 1;
      if (this.everOpened) {
        this.retryLater();
        return;
      }
      // The browser hides why a handshake failed: ask the server whether this page may chat at all.
      this.pageRefused().then((refused) => {
        if (this.socket === null && !this.everOpened) {
          if (refused) {
            this.refuse();
          } else {
            this.retryLater();
          }
        }
      });
    });
  }

  /** Starts a new conversation: the current one's socket, session and queued frames are left behind. */
  restart() {
    clearTimeout(this.retryTimer);
    const old = this.socket;
    this.socket = null;
    this.sessionId = null;
    this.queue = [];
    this.retries = 0;
    if (old) {
      old.close(1000, 'new conversation');
    }
    this.connect();
  }

  /** Whether the server answers that this page's origin may not chat; false when it cannot be asked. */
  pageRefused() {
    return fetch(this.accessUrl, { credentials: 'omit', cache: 'no-store' })
      .then((response) => (response.ok ? response.json() : null))
      .then((access) => access !== null && access.allowed === false)
      .catch(() => false);
  }

  refuse() {
    this.refused = true;
    this.queue = [];
    console.error('Parley: the chat server ' + this.url.origin + ' does not let this page (' + location.origin
      + ') chat. Add this origin to its parley.widget.allowed-origins (PARLEY_WIDGET_ALLOWEDORIGINS); that setting'
      + ' replaces the localhost defaults.');
    this.listener.onState('refused');
  }

  retryLater() {
    if (this.unavailable()) {
      this.queue = [];
      if (this.retries === FAILURES_BEFORE_UNAVAILABLE) {
        console.error('Parley: cannot reach the chat server at ' + this.url.origin + '; still trying.');
      }
    }
    if (!this.listener.wanted() && this.everOpened) {
      this.listener.onState('idle');
      return;
    }
    this.listener.onState(this.retryingState());
    const backOff = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** (this.retries - 1));
    // Jitter spreads the reconnects of many widgets after a server restart.
    this.retryTimer = setTimeout(() => this.connect(), backOff / 2 + Math.random() * backOff / 2);
  }

  unavailable() {
    return !this.everOpened && this.retries >= FAILURES_BEFORE_UNAVAILABLE;
  }

  /** The state shown while trying again. */
  retryingState() {
    return this.unavailable() ? 'unavailable' : 'reconnecting';
  }

  /**
   * Sends a frame now, or queues it until the connection is back.
   * @returns {boolean} false when it could be neither sent nor queued
   */
  send(frame) {
    if (this.refused) {
      return false;
    }
    const text = JSON.stringify(frame);
    if (this.socket && this.socket.readyState === WebSocket.OPEN) {
      this.socket.send(text);
      return true;
    }
    this.connect();
    if (this.queue.length < MAX_QUEUED) {
      this.queue.push(text);
      return true;
    }
    return false;
  }
}
