/**
 * Draw a frame only when something on screen changed. Phaser redraws the whole canvas on
 * every animation frame; the desk and the picker change a few times a second at most, and
 * a laptop on battery feels every redundant frame. The loop still runs each frame (scenes
 * update, the sim clock advances, input is polled), but the canvas is drawn only when:
 *
 * - a game object was told to change (any setter, text, graphics or canvas texture update,
 *   or an object added to or removed from a scene),
 * - the player pressed a key, clicked, scrolled or moved the pointer,
 * - a tween is playing, or a scene started, stopped, slept or woke,
 * - the window was resized or shown again, or code asked with `requestFrame`.
 *
 * When nothing has been drawn for a moment the animation-frame loop sleeps (a page that
 * asks for every frame keeps the browser's compositor busy even if it draws nothing) and
 * the game is updated ten times a second from a timer instead, so timers and a running sim
 * clock still advance; the first drawn frame or input wakes the loop.
 *
 * It is installed once, for the whole game, before it starts; scenes and widgets need not know of it.
 */
import Phaser from 'phaser';

/** Frames drawn after a player's input, so that whatever it set off is on screen at once. */
const FRAMES_AFTER_INPUT = 6;
/** Least real ms between frames drawn for changes that are not input or animation. */
const MIN_GAP_MS = 50;
/** Real ms without a drawn frame after which the animation-frame loop sleeps. */
const SLEEP_AFTER_MS = 400;
/** Real ms between updates while the loop sleeps. */
const SLEEP_STEP_MS = 100;

/** Game-object methods that change what is drawn (every class that has one is wrapped). */
const CHANGING_METHODS = [
  'setVisible', 'setAlpha', 'setPosition', 'setX', 'setY', 'setScale', 'setDepth', 'setOrigin', 'setDisplayOrigin',
  'setRotation', 'setAngle', 'setTint', 'setTintFill', 'clearTint', 'setFillStyle', 'setStrokeStyle', 'setSize',
  'setDisplaySize', 'setTexture', 'setFrame', 'setCrop', 'setBlendMode', 'setMask', 'clearMask', 'setScrollFactor',
  'setFlip', 'setFlipX', 'setFlipY', 'updateText', 'setStyle', 'setTo', 'setRadius', 'setLineWidth', 'setClosePath',
  'setStartAngle', 'setEndAngle', 'add', 'addAt', 'remove', 'removeAt', 'removeAll', 'replace',
  'swap', 'moveTo', 'moveUp', 'moveDown', 'bringToTop', 'sendToBack', 'sort', 'destroy',
] as const;

/** Accessors whose setters change what is drawn. */
const CHANGING_PROPERTIES = ['visible', 'alpha', 'depth', 'scale', 'scaleX', 'scaleY', 'angle', 'rotation', 'displayWidth', 'displayHeight'] as const;

/** Graphics record drawing commands: any call that is not a query redraws. */
const GRAPHICS_QUERIES = /^(constructor|render|get|generateTexture|preDestroy|willRender|addToDisplayList|addToUpdateList|removeFromDisplayList|removeFromUpdateList)/;

const WRAPPED = Symbol('burn-rate.render-on-demand');

/** The state of one game's frame gate (also read by the browser benchmark through `frameStats`). */
interface Gate {
  /** Frames still to draw. */
  owed: number;
  /** Something changed that has not been drawn yet. */
  changePending: boolean;
  /** Loop time of the last drawn frame. */
  lastDrawn: number;
  /** The timer that steps the game while the animation-frame loop sleeps. */
  poll: ReturnType<typeof setTimeout> | null;
  drawn: number;
  skipped: number;
  sceneState: string;
}

let changed = false;
const gates = new WeakMap<Phaser.Game, Gate>();

function markChanged(): void {
  changed = true;
}

function wrapMethod(proto: Record<string, unknown>, name: string): void {
  const desc = Object.getOwnPropertyDescriptor(proto, name);
  const original = desc?.value as ((...args: unknown[]) => unknown) | undefined;
  if (typeof original !== 'function' || (original as { [WRAPPED]?: true })[WRAPPED]) return;
  const wrapped = function (this: unknown, ...args: unknown[]): unknown {
    changed = true;
    return original.apply(this, args);
  };
  (wrapped as unknown as { [WRAPPED]: true })[WRAPPED] = true;
  Object.defineProperty(proto, name, { ...desc, value: wrapped });
}

function wrapSetter(proto: object, name: string): void {
  const desc = Object.getOwnPropertyDescriptor(proto, name);
  const set = desc?.set;
  if (!desc || !set || (set as { [WRAPPED]?: true })[WRAPPED]) return;
  const wrapped = function (this: unknown, value: unknown): void {
    changed = true;
    set.call(this, value);
  };
  (wrapped as unknown as { [WRAPPED]: true })[WRAPPED] = true;
  Object.defineProperty(proto, name, { ...desc, set: wrapped });
}

/** Wraps every game-object class Phaser exports, and the canvas texture, once per page. */
function watchGameObjects(): void {
  const classes = new Set<{ prototype: Record<string, unknown> }>();
  for (const value of Object.values(Phaser.GameObjects)) {
    if (typeof value === 'function' && value.prototype && typeof (value.prototype as { setActive?: unknown }).setActive === 'function') {
      classes.add(value as unknown as { prototype: Record<string, unknown> });
    }
  }
  for (const cls of classes) {
    // Phaser mixes components into each class's own prototype, and subclasses into theirs:
    // walk the chain so an inherited method is wrapped where it lives.
    for (let proto: Record<string, unknown> | null = cls.prototype; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as Record<string, unknown> | null) {
      for (const name of CHANGING_METHODS) wrapMethod(proto, name);
      for (const name of CHANGING_PROPERTIES) wrapSetter(proto, name);
    }
  }
  const graphics = Phaser.GameObjects.Graphics.prototype as unknown as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(graphics)) {
    if (!GRAPHICS_QUERIES.test(name)) wrapMethod(graphics, name);
  }
  wrapMethod(Phaser.Textures.CanvasTexture.prototype as unknown as Record<string, unknown>, 'refresh');
}

/** Which scenes run and how many objects each shows: a change is a new picture. */
function sceneState(game: Phaser.Game): string {
  let state = '';
  for (const scene of game.scene.getScenes(false)) {
    const sys = scene.sys;
    state += `${sys.settings.key}:${sys.settings.status}:${sys.settings.visible ? 1 : 0}:${sys.displayList?.length ?? 0};`;
  }
  return state;
}

function tweening(game: Phaser.Game): boolean {
  for (const scene of game.scene.getScenes(true)) {
    const tweens = (scene.sys as { tweens?: Phaser.Tweens.TweenManager }).tweens;
    if (!tweens) continue;
    for (const tween of tweens.getTweens()) if (tween.isPlaying()) return true;
  }
  return false;
}

/**
 * Makes `game` draw only frames in which something changed. Call once, right after
 * `new Phaser.Game(...)`; it takes over the loop when the game has booted.
 */
export function renderOnDemand(game: Phaser.Game): void {
  watchGameObjects();
  const gate: Gate = { owed: 1, changePending: true, lastDrawn: 0, poll: null, drawn: 0, skipped: 0, sceneState: '' };
  gates.set(game, gate);
  const owe = (frames: number) => {
    gate.owed = Math.max(gate.owed, frames);
  };
  const onInput = () => {
    owe(FRAMES_AFTER_INPUT);
    wake(game, gate);
  };
  for (const type of ['keydown', 'keyup', 'pointerdown', 'pointerup', 'pointermove', 'wheel', 'focus', 'resize']) {
    window.addEventListener(type, onInput, { capture: true, passive: true });
  }
  document.addEventListener('visibilitychange', onInput);

  // The loop binds `game.step` when the game starts (after its textures load): replace it first.
  game.step = (time: number, delta: number) => step(game, gate, time, delta);
  game.events.once(Phaser.Core.Events.READY, () => game.scale.on(Phaser.Scale.Events.RESIZE, onInput));
  game.events.once(Phaser.Core.Events.DESTROY, () => {
    for (const type of ['keydown', 'keyup', 'pointerdown', 'pointerup', 'pointermove', 'wheel', 'focus', 'resize']) {
      window.removeEventListener(type, onInput, { capture: true });
    }
    document.removeEventListener('visibilitychange', onInput);
    if (gate.poll !== null) clearTimeout(gate.poll);
  });
}

/** Phaser's own step (Game#step), with the drawing half done only when it is owed. */
function step(game: Phaser.Game, gate: Gate, time: number, delta: number): void {
  const g = game as Phaser.Game & { pendingDestroy: boolean; runDestroy: () => void };
  if (g.pendingDestroy) return g.runDestroy();
  if (game.isPaused) return;
  const events = game.events;
  events.emit(Phaser.Core.Events.PRE_STEP, time, delta);
  events.emit(Phaser.Core.Events.STEP, time, delta);
  game.scene.update(time, delta);
  events.emit(Phaser.Core.Events.POST_STEP, time, delta);
  const renderer = game.renderer;
  // The input manager polls pointer-over here; what it changes is caught like any change.
  events.emit(Phaser.Core.Events.PRE_RENDER, renderer, time, delta);
  const state = sceneState(game);
  if (state !== gate.sceneState) {
    gate.sceneState = state;
    changed = true;
  }
  if (changed) gate.changePending = true;
  changed = false;
  // Input and animation draw every frame; other changes (a sim tick, and the parts of the
  // desk drawn in the frames after it) are gathered into at most one frame per MIN_GAP_MS.
  if (tweening(game) || (gate.changePending && time - gate.lastDrawn >= MIN_GAP_MS)) owe1(gate);
  if (gate.owed <= 0) {
    // SceneManager#render ends the scene manager's processing; without it, scenes added
    // later (the desk, loaded when a run starts) would wait in its queue forever.
    (game.scene as { isProcessing: boolean }).isProcessing = false;
    gate.skipped++;
    if (game.loop.running && !gate.changePending && time - gate.lastDrawn > SLEEP_AFTER_MS) sleep(game, gate);
    return;
  }
  gate.owed--;
  gate.changePending = false;
  gate.lastDrawn = time;
  gate.drawn++;
  renderer.preRender();
  game.scene.render(renderer);
  // Drawing itself calls setters (a container lends each child its scroll factor and alpha,
  // then puts them back): that is not a change, and counting it would draw forever.
  changed = false;
  renderer.postRender();
  events.emit(Phaser.Core.Events.POST_RENDER, renderer, time, delta);
}

/** Stops asking for animation frames; a timer steps the game until something is drawn. */
function sleep(game: Phaser.Game, gate: Gate): void {
  game.loop.sleep();
  const poll = () => {
    gate.poll = null;
    // The page was hidden and shown again, or input woke the loop: it runs on its own.
    if (game.loop.running || !game.isRunning) return;
    const drawn = gate.drawn;
    game.loop.step(performance.now());
    if (gate.drawn !== drawn) wake(game, gate);
    else gate.poll = setTimeout(poll, SLEEP_STEP_MS);
  };
  gate.poll = setTimeout(poll, SLEEP_STEP_MS);
}

function wake(game: Phaser.Game, gate: Gate): void {
  if (gate.poll !== null) {
    clearTimeout(gate.poll);
    gate.poll = null;
  }
  if (!game.loop.running && game.isRunning) game.loop.wake();
}

function owe1(gate: Gate): void {
  gate.owed = Math.max(gate.owed, 1);
}

/** Asks for the next frame to be drawn, for a change the watchers cannot see. */
export function requestFrame(): void {
  markChanged();
}

/** Frames drawn and skipped so far (for the browser benchmark and tests). */
export function frameStats(game: Phaser.Game): { drawn: number; skipped: number } {
  const gate = gates.get(game);
  return { drawn: gate?.drawn ?? 0, skipped: gate?.skipped ?? 0 };
}
