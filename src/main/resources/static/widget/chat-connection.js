// The chat socket (protocol: docs/protocol.md), reconnecting with exponential back-off after any drop.

const FIRST_RETRY_MS = 500;
const LONGEST_RETRY_MS = 15000;
const MAX_QUEUED = 20;

export class ChatConnection {
  /**
   * @param {URL} server the server's base URL
   * @param {{onFrame: function(object), onState: function(string)}} listener states: connecting, online, reconnecting
   */
  constructor(server, listener) {
    this.url = new URL('ws/chat', server);
    this.url.protocol = this.url.protocol === 'https:' ? 'wss:' : 'ws:';
    this.listener = listener;
    this.queue = [];
    this.retries = 0;
    this.sessionId = null;
    this.socket = null;
  }

  connect(sessionId) {
    if (sessionId) {
      this.sessionId = sessionId;
    }
    const url = new URL(this.url);
    if (this.sessionId) {
      url.searchParams.set('sessionId', this.sessionId);
    }
    this.listener.onState(this.retries === 0 ? 'connecting' : 'reconnecting');
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.retries = 0;
      this.listener.onState('online');
      const queued = this.queue.splice(0);
      queued.forEach((frame) => socket.send(frame));
    });
    socket.addEventListener('message', (event) => {
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
      this.retries += 1;
      this.listener.onState('reconnecting');
      const backOff = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** (this.retries - 1));
      // Jitter spreads the reconnects of many widgets after a server restart.
      setTimeout(() => this.connect(), backOff / 2 + Math.random() * backOff / 2);
    });
  }

  /** Sends a frame now, or as soon as the connection is back. */
  send(frame) {
    const text = JSON.stringify(frame);
    if (this.socket && this.socket.readyState === WebSocket.OPEN) {
      this.socket.send(text);
    } else if (this.queue.length < MAX_QUEUED) {
      this.queue.push(text);
    }
  }
}
