/** Small SVG glyphs for the legend, matching the 3D shapes of each vehicle class and sensor type. */
import type { SensorShape } from '../../layers/sensors/style';
import type { VehicleShape } from '../../layers/traffic/style';

export function LegendGlyph({ shape, color }: { shape: VehicleShape | SensorShape | 'ring' | 'column' | 'dot'; color: string }) {
  const common = { fill: color, stroke: 'rgba(0,0,0,0.5)', strokeWidth: 0.6 };
  let body;
  switch (shape) {
    case 'car':
      body = <><rect x="2" y="9" width="16" height="5" rx="1" {...common} /><rect x="5" y="5.5" width="8" height="4" rx="1" {...common} /></>;
      break;
    case 'car-sensor':
      body = <><rect x="2" y="9" width="16" height="5" rx="1" {...common} /><rect x="5" y="5.5" width="8" height="4" rx="1" {...common} /><rect x="8" y="3" width="3" height="2.5" {...common} /></>;
      break;
    case 'sweeper':
      body = <><rect x="2" y="6" width="12" height="8" rx="1" {...common} /><circle cx="16" cy="12" r="2.5" {...common} /></>;
      break;
    case 'bus':
      body = <rect x="1" y="5" width="18" height="9" rx="1.5" {...common} />;
      break;
    case 'truck':
      body = <><rect x="1" y="4" width="12" height="10" {...common} /><rect x="13.5" y="7" width="5" height="7" {...common} /></>;
      break;
    case 'sphere':
      body = <><rect x="9.3" y="9" width="1.4" height="8" {...common} /><circle cx="10" cy="7" r="4" {...common} /></>;
      break;
    case 'octahedron':
      body = <><rect x="9.3" y="10" width="1.4" height="7" {...common} /><path d="M10 2 L14 7 L10 12 L6 7 Z" {...common} /></>;
      break;
    case 'cone':
      body = <><rect x="9.3" y="10" width="1.4" height="7" {...common} /><path d="M10 3 L14 10 L6 10 Z" {...common} /></>;
      break;
    case 'gauge':
      body = <><rect x="7" y="4" width="6" height="13" {...common} /><rect x="5.5" y="3" width="9" height="1.6" {...common} /></>;
      break;
    case 'sign':
      body = <><rect x="9.3" y="9" width="1.4" height="8" {...common} /><rect x="5" y="3" width="10" height="7" {...common} /></>;
      break;
    case 'cabinet':
      body = <><rect x="8" y="6" width="4" height="11" {...common} /><ellipse cx="10" cy="4.5" rx="5" ry="1.4" {...common} /></>;
      break;
    case 'pole':
      body = <><rect x="9.3" y="3" width="1.4" height="14" {...common} /><rect x="10" y="2.5" width="6" height="1.6" {...common} /></>;
      break;
    case 'pillar':
      body = <rect x="7" y="4" width="6" height="13" rx="1" {...common} />;
      break;
    case 'tetra':
      body = <path d="M10 3 L15 14 L5 14 Z" {...common} />;
      break;
    case 'ring':
      body = <circle cx="10" cy="10" r="7" fill={color} fillOpacity={0.2} stroke={color} strokeWidth={1.5} />;
      break;
    case 'column':
      body = <rect x="6" y="2" width="8" height="15" rx="2" fill={color} fillOpacity={0.55} />;
      break;
    case 'dot':
      body = <circle cx="10" cy="10" r="5" {...common} />;
      break;
  }
  return (
    <svg className="st-glyph" viewBox="0 0 20 18" width="20" height="18" aria-hidden="true">
      {body}
    </svg>
  );
}
