/**
 * Close-up text labels over the 3D view (sensor values, signal countdowns, bus arrivals): a pool of
 * absolutely positioned DOM nodes placed each frame from projected positions. Nodes are reused
 * and their text is rewritten only when it changes, so a frame of labels costs a few style writes.
 * The owner creates it in an effect and calls dispose() in that effect's cleanup.
 */
import { Vector3, type Camera } from 'three';

const scratch = new Vector3();

/** Approximate label box from its text, CSS px (reading real sizes would force a layout per label per frame). */
const LABEL_FONT_PX = 11;
const LABEL_LINE_PX = 14;
const LABEL_PAD_PX = 8;

export function estimateLabelSize(text: string, out: { w: number; h: number }): { w: number; h: number } {
  let lines = 1, cur = 0, widest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lines++;
      widest = Math.max(widest, cur);
      cur = 0;
      continue;
    }
    // CJK and other wide characters take a full em; Latin digits and letters about half.
    cur += c > 0x2e80 ? 1 : 0.56;
  }
  out.w = Math.max(widest, cur) * LABEL_FONT_PX + LABEL_PAD_PX;
  out.h = lines * LABEL_LINE_PX + 4;
  return out;
}

const size = { w: 0, h: 0 };

/**
 * Screen space claimed by labels this frame, shared by every overlay of a zone so labels of
 * different layers do not pile on each other. Cleared by the first overlay to begin a new frame.
 */
export class LabelSpace {
  /** x0, y0, x1, y1 per placed label, CSS px. */
  readonly boxes: number[] = [];
  private frame = Number.NaN;

  begin(frameKey: number): void {
    if (frameKey === this.frame) return;
    this.frame = frameKey;
    this.boxes.length = 0;
  }
}

interface Slot {
  el: HTMLDivElement;
  text: string;
  tone: string;
  shown: boolean;
}

export class LabelOverlay {
  private readonly root: HTMLDivElement;
  private readonly pool: Slot[] = [];
  private used = 0;

  /** Labels overlapping a box already claimed in `space` this frame are skipped. */
  constructor(parent: HTMLElement, className: string, private readonly space: LabelSpace = new LabelSpace()) {
    this.root = parent.ownerDocument.createElement('div');
    this.root.className = `st-live-labels ${className}`;
    this.root.setAttribute('aria-hidden', 'true');
    parent.appendChild(this.root);
  }

  /** Starts this overlay's frame; `frameKey` identifies the frame (the same for every overlay). */
  begin(frameKey: number): void {
    this.used = 0;
    this.space.begin(frameKey);
  }

  /**
   * Places a label at ENU (e, n, u) if it is in front of the camera, on screen, and clear of the
   * labels already placed this frame (callers place the most important ones first).
   */
  placeEnu(camera: Camera, widthPx: number, heightPx: number, e: number, n: number, u: number, text: string, tone: string): boolean {
    scratch.set(e, u, -n).project(camera);
    if (scratch.z < -1 || scratch.z > 1) return false;
    const x = ((scratch.x + 1) / 2) * widthPx;
    const y = ((1 - scratch.y) / 2) * heightPx;
    if (x < -50 || y < -50 || x > widthPx + 50 || y > heightPx + 50) return false;
    estimateLabelSize(text, size);
    // Anchored at the bottom centre (see .st-live-label).
    const x0 = x - size.w / 2, x1 = x + size.w / 2, y0 = y - size.h, y1 = y;
    const b = this.space.boxes;
    for (let i = 0; i < b.length; i += 4) {
      if (x0 < b[i + 2]! && x1 > b[i]! && y0 < b[i + 3]! && y1 > b[i + 1]!) return false;
    }
    b.push(x0, y0, x1, y1);
    const slot = this.next();
    if (slot.text !== text) {
      slot.el.textContent = text;
      slot.text = text;
    }
    if (slot.tone !== tone) {
      slot.el.dataset.tone = tone;
      slot.tone = tone;
    }
    slot.el.style.transform = `translate(${x.toFixed(1)}px, ${y.toFixed(1)}px)`;
    if (!slot.shown) {
      slot.el.hidden = false;
      slot.shown = true;
    }
    return true;
  }

  /** Hides the pool's unused nodes. */
  end(): void {
    for (let i = this.used; i < this.pool.length; i++) {
      const s = this.pool[i]!;
      if (s.shown) {
        s.el.hidden = true;
        s.shown = false;
      }
    }
  }

  get visibleCount(): number {
    return this.used;
  }

  dispose(): void {
    this.root.remove();
    this.pool.length = 0;
  }

  private next(): Slot {
    let s = this.pool[this.used];
    if (!s) {
      const el = this.root.ownerDocument.createElement('div');
      el.className = 'st-live-label';
      el.hidden = true;
      this.root.appendChild(el);
      s = { el, text: '', tone: '', shown: false };
      this.pool.push(s);
    }
    this.used++;
    return s;
  }
}
