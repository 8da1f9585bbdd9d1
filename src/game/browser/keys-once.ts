/**
 * Every key counts once. Phaser queues each key event and at once has every scene's
 * keyboard read the whole queue, which it empties only when the game next steps. When
 * several events arrive between two steps (a busy laptop, where a heavy frame holds the
 * keys back and they land together), the queue A-down, A-up, n-down has A-down read three
 * times: Phaser's own guard compares an event only with the one read just before it, and
 * "Ana" reached the join form as "AAnAnAnaAna". Here each scene's keyboard reads each
 * event once.
 *
 * Installed once, for the whole game, before it starts.
 */
import Phaser from 'phaser';

type Plugin = { manager: { queue: KeyboardEvent[] } };

const read = new WeakMap<object, WeakSet<KeyboardEvent>>();
let installed = false;

export function keysOnce(): void {
  if (installed) return;
  installed = true;
  const proto = Phaser.Input.Keyboard.KeyboardPlugin.prototype as unknown as { update: (this: Plugin) => void };
  const update = proto.update;
  proto.update = function (this: Plugin): void {
    const manager = this.manager;
    let seen = read.get(this);
    if (!seen) read.set(this, (seen = new WeakSet()));
    const fresh = manager.queue.filter((event) => !seen.has(event));
    if (fresh.length === 0) return;
    for (const event of fresh) seen.add(event);
    const queue = manager.queue;
    manager.queue = fresh;
    try {
      update.call(this);
    } finally {
      manager.queue = queue;
    }
  };
}
