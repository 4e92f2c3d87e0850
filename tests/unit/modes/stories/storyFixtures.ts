/** A small scene and story for the story-player tests: three steps, the middle one waits for a tap. */
import type { Story } from '../../../../src/scene/storySchema';

const caption = (n: number) => ({ zh: `第${n}步`, en: `Step ${n}` });

export const viewpoints = [
  { id: 'overview', position: [0, -3000, 3000] as [number, number, number], target: [0, 0, 0] as [number, number, number] },
  { id: 'museum', position: [100, 100, 200] as [number, number, number], target: [200, 300, 0] as [number, number, number] },
];

export const story: Story = {
  id: 'demo',
  title: { zh: '演示', en: 'Demo' },
  summary: { zh: '摘要', en: 'Summary' },
  steps: [
    { viewpoint: 'overview', layers: { on: ['live.traffic', 'live.rsu'] }, caption: caption(1), advance: { afterS: 10 } },
    {
      pose: { position: [10, 20, 300], target: [30, 40, 0] },
      layers: { on: ['live.sensors'], off: ['live.rsu'] },
      highlight: { asset: { kind: 'sensor', id: 'parking-04' } },
      caption: caption(2),
    },
    { viewpoint: 'museum', layers: { off: ['live.traffic'] }, highlight: { building: 'osm:way/1' }, caption: caption(3), advance: { afterS: 5 } },
  ],
};

export const other: Story = { ...story, id: 'other', steps: story.steps.slice(0, 2) };

export const scene = { viewpoints, stories: [story, other] };
