// What survives a page reload: the session id, the messages shown and whether the chat was open. Kept in
// sessionStorage, so it ends with the browser tab; one entry per bot server.

const MAX_MESSAGES = 200;

export class ConversationStore {
  constructor(server) {
    this.key = 'parley:' + server.href;
  }

  load() {
    try {
      const saved = JSON.parse(sessionStorage.getItem(this.key) || 'null');
      if (saved && Array.isArray(saved.messages)) {
        return saved;
      }
    } catch {
      // Unreadable or blocked storage: start afresh.
    }
    return { sessionId: null, messages: [], open: false };
  }

  save(state) {
    try {
      const trimmed = { ...state, messages: state.messages.slice(-MAX_MESSAGES) };
      sessionStorage.setItem(this.key, JSON.stringify(trimmed));
    } catch {
      // Storage full or blocked (private mode): the chat still works, it just will not survive a reload.
    }
  }
}
