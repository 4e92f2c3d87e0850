import type { Tour, TourAlert, TourStop } from '../../../src/modes/tour/tourTypes';

function stop(id: string, flightMs: number, dwellMs: number, e: number): TourStop {
  return { id, flightMs, dwellMs, caption: { zh: `站点${id}`, en: `Stop ${id}` }, pose: { position: [e, -500, 300], target: [e, 0, 0] } };
}

/** a0: fly 1 s, dwell 4 s; a1: fly 2 s, dwell 3 s. */
export const TOUR_A: Tour = { id: 'jiading-tour', zone: 'jiading', loop: true, stops: [stop('a0', 1000, 4000, 0), stop('a1', 2000, 3000, 100)] };

/** b0: fly 1 s, dwell 2 s. */
export const TOUR_B: Tour = {
  id: 'xuhui-tour', zone: 'xuhui', loop: true,
  stops: [{ id: 'b0', flightMs: 1000, dwellMs: 2000, caption: { zh: '西岸', en: 'West Bund' }, viewpointId: 'west-bund' }],
};

export function alert(id: string, severity: TourAlert['severity'], extra: Partial<TourAlert> = {}): TourAlert {
  return { id, severity, assetPose: { position: [10, 20, 30], target: [10, 20, 0] }, ...extra };
}
