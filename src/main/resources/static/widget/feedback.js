// Verdicts on answers (thumbs up or down, with an optional comment) sent and not yet confirmed, by frame id: a thumb
// shows as chosen, and is kept with the conversation, only once the server has kept it. A refused one (e.g.
// rate-limited) leaves the thumbs as they were. A later verdict on the same answer replaces the earlier one.

export class PendingVerdicts {
  constructor() {
    this.waiting = new Map();
  }

  /** Whether a verdict would change anything: the same thumb again would replace the comment given with none. */
  static changes(message, helpful, comment) {
    return message.helpful !== helpful || Boolean(comment);
  }

  /** Remembers a verdict sent in frame `id`, given from the feedback row `row`. */
  add(id, message, helpful, comment, row) {
    this.waiting.set(id, { message, helpful, commented: Boolean(comment), row });
  }

  /**
   * The server kept the verdict of frame `id`: it becomes the answer's (the caller saves and redraws it).
   * @returns {{message: object, row: Element}|undefined} the answer and the row clicked; undefined for no verdict of ours
   */
  kept(id) {
    const verdict = this.waiting.get(id);
    if (!verdict) {
      return undefined;
    }
    this.waiting.delete(id);
    verdict.message.helpful = verdict.helpful;
    verdict.message.commented = verdict.commented;
    return verdict;
  }

  /** The server refused frame `id` (if it was a verdict): it is forgotten, and the thumbs stay as they were. */
  refused(id) {
    this.waiting.delete(id);
  }

  clear() {
    this.waiting.clear();
  }
}
