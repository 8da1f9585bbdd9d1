/**
 * Draw a frame only when something on screen changed. Phaser redraws the whole canvas on
 * every animation frame; the desk and the picker change a few times a second at most, and
 * a laptop on battery feels every redundant frame. The loop still runs each frame (scenes
 * update, the sim clock advances, input is polled), but the canvas is drawn only when:
 *
 * - a game object or a camera was told to change (any setter, text, graphics or canvas
 *   texture update, or an object added to or removed from a scene),
 * - the player pressed a key or a button (letting go, moving the pointer or turning the
 *   wheel is drawn only for what it changes),
 * - a tween is playing, or a scene started, stopped, slept or woke,
 * - the window was resized or shown again.
 *
 * The animation-frame loop runs only while something moves: for a moment after input or a
 * screen opening or closing, and while a tween plays. Otherwise it sleeps (a page that
 * asks for every frame keeps the browser's compositor busy even if it draws nothing) and a
 * timer steps the game instead: every 50 ms while the picture keeps changing (a running
 * sim clock), every 100 ms when it is still, and at frame pace for the few steps that
 * finish a change. A running clock's ticks are drawn from those steps, so a desk at 10×
 * draws its ten changes a second without sixty animation frames; input, a tween or a
 * screen change wakes the loop at once.
 *
 * Scenes get the real time since the last step as their delta, not Phaser's smoothed one:
 * the smoothing averages the last ten steps, and holds a step to one 60 Hz frame while the
 * window is not focused and for 120 steps after it is focused or shown again, which would
 * slow a clock stepped by the timer to a third of its speed.
 *
 * It is installed once, for the whole game, before it starts; scenes and widgets need not know of it.
 */
import Phaser from 'phaser';

/**
 * Frames drawn after a player's input whether or not a change was seen: the one in which
 * the game handles it, and one more. What the input sets off later is drawn as a change.
 */
const FRAMES_AFTER_INPUT = 2;
/** Window events that count as the player's input. */
const INPUT_EVENTS = ['keydown', 'keyup', 'pointerdown', 'pointerup', 'pointermove', 'wheel', 'focus', 'resize'] as const;
/** Input that owes no frame of its own: only what it changes is drawn. */
const GLANCING_INPUT = new Set(['keyup', 'pointerup', 'pointermove', 'wheel']);
/** Least real ms between frames drawn for changes that are not input or animation. */
const MIN_GAP_MS = 50;
/** Real ms without input or animation after which the animation-frame loop sleeps. */
const SLEEP_AFTER_MS = 400;
/** Real ms to the next step while the loop sleeps and the last step changed something: a
 * scene that spreads one change over several steps (the desk draws its heavy parts one
 * per step) finishes it as quickly as on animation frames, gathered into one drawn frame. */
const STEP_AFTER_CHANGE_MS = 16;
/** Real ms between steps while the loop sleeps and the picture keeps changing. */
const STEP_WHILE_CHANGING_MS = 50;
/** Real ms between steps while the loop sleeps and nothing has been drawn for a while. */
const STEP_WHILE_STILL_MS = 100;
/** Real ms after the last drawn frame during which the picture counts as changing. */
const STILL_AFTER_MS = 1000;
/** Most real ms one step passes on (a hidden tab's timers fire once a second or less). */
const MAX_STEP_MS = 250;

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
  /** Loop time of the last input, animated frame or screen opening or closing. */
  lastLively: number;
  /** Loop time of the last step (null before the first). */
  lastStep: number | null;
  /** A tween played in the last step. */
  animating: boolean;
  /** The last step changed something. */
  stepChanged: boolean;
  /** The timer that steps the game while the animation-frame loop sleeps. */
  poll: ReturnType<typeof setTimeout> | null;
  drawn: number;
  skipped: number;
  sceneState: string;
}

let changed = false;
const gates = new WeakMap<Phaser.Game, Gate>();

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
  // Cameras are not game objects: a camera that scrolls, zooms or recolours is a change too.
  for (let proto: Record<string, unknown> | null = Phaser.Cameras.Scene2D.Camera.prototype as unknown as Record<string, unknown>; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as Record<string, unknown> | null) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      const desc = Object.getOwnPropertyDescriptor(proto, name);
      if (desc?.set) wrapSetter(proto, name);
      else if (typeof desc?.value === 'function' && /^(set|center)/.test(name) && !/^set(Name|Scene|IsSceneCamera)$/.test(name)) wrapMethod(proto, name);
    }
  }
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
  const gate: Gate = { owed: 1, changePending: true, lastDrawn: 0, lastLively: performance.now(), lastStep: null, animating: false, stepChanged: false, poll: null, drawn: 0, skipped: 0, sceneState: '' };
  gates.set(game, gate);
  const owe = (frames: number) => {
    gate.owed = Math.max(gate.owed, frames);
  };
  const onInput = (event?: Event) => {
    // A key or button going down, focus, a resize or the page shown again owe frames; a key
    // let go, a pointer moving or a wheel turning wake the loop, so whatever they change
    // (a hover, a scroll) is drawn at once, but a pointer drifting over nothing draws nothing.
    if (!event || !GLANCING_INPUT.has(event.type)) owe(FRAMES_AFTER_INPUT);
    gate.lastLively = performance.now();
    wake(game, gate);
  };
  for (const type of INPUT_EVENTS) window.addEventListener(type, onInput, { capture: true, passive: true });
  document.addEventListener('visibilitychange', onInput);

  // The loop binds `game.step` when the game starts (after its textures load): replace it first.
  game.step = (time: number, delta: number) => step(game, gate, time, delta);
  // A scene started, stopped or swapped from outside a step (a screen's promise settling)
  // waits in the scene manager's queue for the next step: take that step now, on frames.
  const scenes = game.scene as Phaser.Scenes.SceneManager & { queueOp: (...args: unknown[]) => unknown };
  const queueOp = scenes.queueOp.bind(scenes);
  scenes.queueOp = (...args: unknown[]) => {
    gate.lastLively = performance.now();
    wake(game, gate);
    return queueOp(...args);
  };
  game.events.once(Phaser.Core.Events.READY, () => game.scale.on(Phaser.Scale.Events.RESIZE, () => onInput()));
  game.events.once(Phaser.Core.Events.DESTROY, () => {
    for (const type of INPUT_EVENTS) window.removeEventListener(type, onInput, { capture: true });
    document.removeEventListener('visibilitychange', onInput);
    if (gate.poll !== null) clearTimeout(gate.poll);
  });
}

/**
 * Phaser's own step (Game#step), with the real time since the last step as the delta, and
 * the drawing half done only when it is owed.
 */
function step(game: Phaser.Game, gate: Gate, time: number, smoothed: number): void {
  const g = game as Phaser.Game & { pendingDestroy: boolean; runDestroy: () => void };
  if (g.pendingDestroy) return g.runDestroy();
  if (game.isPaused) return;
  const delta = gate.lastStep === null ? smoothed : Math.min(MAX_STEP_MS, Math.max(0, time - gate.lastStep));
  gate.lastStep = time;
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
    // A screen opening or closing runs on animation frames, as input does: its steps are
    // long, and a timer would add its interval to each of them.
    gate.sceneState = state;
    gate.lastLively = time;
    changed = true;
  }
  gate.stepChanged = changed;
  if (changed) gate.changePending = true;
  changed = false;
  gate.animating = tweening(game);
  if (gate.animating) gate.lastLively = time;
  // Input and animation draw every frame; other changes (a sim tick, and the parts of the
  // desk drawn in the frames after it) are gathered into at most one frame per MIN_GAP_MS.
  if (gate.animating || (gate.changePending && time - gate.lastDrawn >= MIN_GAP_MS)) owe1(gate);
  if (gate.owed > 0) {
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
  } else {
    // SceneManager#render ends the scene manager's processing; without it, scenes added
    // later (the desk, loaded when a run starts) would wait in its queue forever.
    (game.scene as { isProcessing: boolean }).isProcessing = false;
    gate.skipped++;
  }
  if (game.loop.running && gate.owed <= 0 && time - gate.lastLively > SLEEP_AFTER_MS) sleep(game, gate);
}

/** Stops asking for animation frames; a timer steps the game until input or a tween wakes it. */
function sleep(game: Phaser.Game, gate: Gate): void {
  game.loop.sleep();
  const poll = () => {
    gate.poll = null;
    // The page was hidden and shown again, or input woke the loop: it runs on its own.
    if (game.loop.running || !game.isRunning) return;
    const now = performance.now();
    game.loop.step(now);
    if (gate.animating || gate.owed > 0) wake(game, gate);
    else gate.poll = setTimeout(poll, nextStepIn(gate, now));
  };
  gate.poll = setTimeout(poll, nextStepIn(gate, performance.now()));
}

function nextStepIn(gate: Gate, now: number): number {
  if (gate.stepChanged || gate.changePending) return STEP_AFTER_CHANGE_MS;
  return now - gate.lastDrawn < STILL_AFTER_MS ? STEP_WHILE_CHANGING_MS : STEP_WHILE_STILL_MS;
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

/**
 * Whether the game is running on animation frames (input or an animation in flight), when
 * a long step shows as a dropped frame; false while a timer steps it and nothing moves.
 */
export function framePaced(game: Phaser.Game): boolean {
  return !gates.has(game) || game.loop.running;
}

/** Frames drawn and skipped so far (for the browser benchmark and tests). */
export function frameStats(game: Phaser.Game): { drawn: number; skipped: number } {
  const gate = gates.get(game);
  return { drawn: gate?.drawn ?? 0, skipped: gate?.skipped ?? 0 };
}
