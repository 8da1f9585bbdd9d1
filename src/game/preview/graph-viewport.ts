/**
 * The preview graph's window: a camera of its own over the graph area that zooms (+ − keys,
 * the mouse wheel about the pointer, 0 to fit) and pans (arrow keys, WASD, dragging), an
 * overview of the whole graph with the part in view outlined when it does not all fit,
 * and a line saying the zoom and the keys. The rules of the view are in graph-view.ts;
 * this copies a view onto the cameras and turns input into views.
 */
import Phaser from 'phaser';
import { css, num } from '../ui/theme.ts';
import { centredOn, clampView, fitsAt, fittedView, onScreen, openingView, panBy, visibleRect, zoomAbout, LEGIBLE_ZOOM, type Extent, type Rect, type View } from './graph-view.ts';

/** Screen pixels one arrow press moves the view. */
const PAN_STEP = 90;
/** Zoom change of one + or − press. */
const ZOOM_STEP = 1.25;
/** Pointer travel (screen pixels) after which a press on the graph is a drag, not a click. */
const DRAG_SLOP = 5;

export interface ViewportOptions {
  /** The graph area on screen. */
  area: Rect;
  /** Where the overview goes on screen (shown only when the graph does not fit). */
  overview: Rect;
  /** The graph's size in graph units. */
  world: Extent;
  /** Everything drawn in graph units; the viewport's cameras alone show it. */
  content: Phaser.GameObjects.Container;
  /** Graph objects too small to read in the overview (titles, labels): left out of it. */
  overviewHides: Phaser.GameObjects.GameObject[];
  /** The box the preview opens on when the whole graph cannot be shown legibly. */
  focus: Rect;
  /** Called with the words for the hint line whenever the zoom changes. */
  onHint: (words: string) => void;
}

export class GraphViewport {
  private view: View;
  private readonly camera: Phaser.Cameras.Scene2D.Camera;
  private readonly mini: Phaser.Cameras.Scene2D.Camera;
  private readonly miniFrame: Phaser.GameObjects.Rectangle;
  private readonly outline: Phaser.GameObjects.Graphics;
  private drag: { x: number; y: number; from: View; moved: boolean } | null = null;
  private lastHint = '';

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly options: ViewportOptions,
  ) {
    const { area, overview, content } = options;
    const main = scene.cameras.main;
    // The overview's border and background belong to the screen; the outline of the part in
    // view is drawn in graph units, seen by the overview camera alone.
    this.miniFrame = scene.add.rectangle(overview.x - 1, overview.y - 1, overview.width + 2, overview.height + 2, num.bg).setOrigin(0).setStrokeStyle(1, num.border);
    this.outline = scene.add.graphics();
    const others = scene.children.list.filter((o) => o !== content && o !== this.outline);
    this.camera = scene.cameras.add(area.x, area.y, area.width, area.height, false, 'graph').setBackgroundColor(css.panel);
    this.mini = scene.cameras.add(overview.x, overview.y, overview.width, overview.height, false, 'overview').setBackgroundColor(css.bg);
    main.ignore([content, this.outline]);
    this.camera.ignore([...others, this.outline]);
    this.mini.ignore([...others, ...options.overviewHides]);
    // Whatever the scene adds later (a notice, a button's focus ring) belongs to the screen.
    const adopt = (o: Phaser.GameObjects.GameObject) => {
      this.camera.ignore(o);
      this.mini.ignore(o);
    };
    scene.events.on(Phaser.Scenes.Events.ADDED_TO_SCENE, adopt);
    scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => scene.events.off(Phaser.Scenes.Events.ADDED_TO_SCENE, adopt));

    const { world } = options;
    const miniZoom = Math.min(overview.width / (world.width + 16), overview.height / (world.height + 16));
    this.mini.setZoom(miniZoom).centerOn(world.width / 2, world.height / 2);

    this.listen();
    this.view = openingView(world, this.viewportSize(), options.focus);
    this.apply(this.view);
  }

  /** Handles a zoom or pan key; false if the key is not one of them. */
  onKey(e: KeyboardEvent): boolean {
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    const pan: Record<string, [number, number]> = { ArrowLeft: [-1, 0], a: [-1, 0], ArrowRight: [1, 0], d: [1, 0], ArrowUp: [0, -1], w: [0, -1], ArrowDown: [0, 1], s: [0, 1] };
    const step = pan[key];
    if (step) this.apply(panBy(this.view, step[0] * PAN_STEP, step[1] * PAN_STEP, this.options.world, this.viewportSize()));
    else if (key === '+' || key === '=') this.zoomBy(ZOOM_STEP);
    else if (key === '-' || key === '_') this.zoomBy(1 / ZOOM_STEP);
    else if (key === '0') this.apply(fittedView(this.options.world, this.viewportSize()));
    else return false;
    return true;
  }

  /** Keys whose auto-repeat (a held key) keeps zooming or panning. */
  static repeats(e: KeyboardEvent): boolean {
    return e.key.startsWith('Arrow') || 'wasdWASD+=-_'.includes(e.key);
  }

  /** Centres a box, zooming in to legible size first if the view is smaller. */
  focus(box: Rect): void {
    this.apply(centredOn(box, Math.max(this.view.zoom, LEGIBLE_ZOOM), this.options.world, this.viewportSize()));
  }

  /** Where a graph box is on the screen now (from the camera itself). */
  screenRect(box: Rect): Rect {
    const cam = this.camera;
    const shown: View = { zoom: cam.zoom, x: cam.scrollX + cam.width / 2, y: cam.scrollY + cam.height / 2 };
    const r = onScreen(box, shown, this.viewportSize());
    return { ...r, x: r.x + cam.x, y: r.y + cam.y };
  }

  /** The view now, and whether the whole graph is in it. */
  state(): View & { fits: boolean } {
    return { ...this.view, fits: fitsAt(this.view.zoom, this.options.world, this.viewportSize()) };
  }

  /** True while the pointer drags the graph: a box released under it was not clicked. */
  dragged(): boolean {
    return this.drag?.moved ?? false;
  }

  private zoomBy(factor: number, at?: { x: number; y: number }): void {
    const size = this.viewportSize();
    this.apply(zoomAbout(this.view, factor, at ?? { x: size.width / 2, y: size.height / 2 }, this.options.world, size));
  }

  private viewportSize(): Extent {
    return { width: this.options.area.width, height: this.options.area.height };
  }

  private apply(view: View): void {
    const { world } = this.options;
    this.view = clampView(view, world, this.viewportSize());
    this.camera.setZoom(this.view.zoom).centerOn(this.view.x, this.view.y);
    const fits = fitsAt(this.view.zoom, world, this.viewportSize());
    this.mini.setVisible(!fits);
    this.miniFrame.setVisible(!fits);
    const seen = visibleRect(this.view, this.viewportSize());
    const line = 2 / this.mini.zoom;
    this.outline.clear().lineStyle(line, num.focus, 1).strokeRect(seen.x, seen.y, seen.width, seen.height);
    const hint = `zoom ${Math.round(this.view.zoom * 100)}% · + − or wheel zoom · arrows, WASD or drag pan · 0 shows all`;
    if (hint !== this.lastHint) this.options.onHint((this.lastHint = hint));
  }

  private inside(r: Rect, p: Phaser.Input.Pointer): boolean {
    return p.x >= r.x && p.x < r.x + r.width && p.y >= r.y && p.y < r.y + r.height;
  }

  private listen(): void {
    const input = this.scene.input;
    const { area, overview } = this.options;
    const overviewShown = (p: Phaser.Input.Pointer) => this.mini.visible && this.inside(overview, p);
    input.on(Phaser.Input.Events.POINTER_DOWN, (p: Phaser.Input.Pointer) => {
      if (overviewShown(p)) {
        // A press on the overview looks at that part of the graph.
        const at = this.mini.getWorldPoint(p.x, p.y);
        this.apply({ ...this.view, x: at.x, y: at.y });
        return;
      }
      if (this.inside(area, p)) this.drag = { x: p.x, y: p.y, from: this.view, moved: false };
    });
    input.on(Phaser.Input.Events.POINTER_MOVE, (p: Phaser.Input.Pointer) => {
      const drag = this.drag;
      if (!drag || !p.isDown) return;
      const dx = p.x - drag.x;
      const dy = p.y - drag.y;
      if (!drag.moved && Math.hypot(dx, dy) < DRAG_SLOP) return;
      drag.moved = true;
      this.apply(panBy(drag.from, -dx, -dy, this.options.world, this.viewportSize()));
    });
    // Phaser tells the box under a released pointer before the scene, so a box's own
    // pointerup handler can still ask whether this press was a drag.
    input.on(Phaser.Input.Events.POINTER_UP, () => (this.drag = null));
    input.on(Phaser.Input.Events.POINTER_WHEEL, (p: Phaser.Input.Pointer, _over: unknown, _dx: number, dy: number) => {
      if (!this.inside(area, p) || overviewShown(p)) return;
      // Wheel notches (about 100) and touchpad strokes (a few) both zoom in proportion.
      this.zoomBy(Math.exp(-Math.max(-300, Math.min(300, dy)) / 400), { x: p.x - area.x, y: p.y - area.y });
    });
  }
}
