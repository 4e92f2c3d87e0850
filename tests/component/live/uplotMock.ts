/**
 * jsdom has no canvas or matchMedia for uPlot, so component tests replace it with this recorder
 * (`vi.mock('uplot', () => import('./uplotMock'))`): each chart's constructor data and every
 * setData call are kept for assertions.
 */
export interface FakeChart {
  data: unknown[];
  destroyed: boolean;
}

export const charts: FakeChart[] = [];

export default class FakeUplot {
  private readonly rec: FakeChart;

  constructor(_opts: unknown, data: unknown) {
    this.rec = { data: [data], destroyed: false };
    charts.push(this.rec);
  }

  setData(d: unknown): void {
    this.rec.data.push(d);
  }

  destroy(): void {
    this.rec.destroyed = true;
  }
}
