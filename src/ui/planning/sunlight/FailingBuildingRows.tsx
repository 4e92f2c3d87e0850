/** Table rows of buildings with failing windows, shared by the results panel and the printed report. */
import type { failingBuildings } from './resultTables';
import { formatHours } from './resultTables';

export function FailingBuildingRows({ rows, name }: { rows: ReturnType<typeof failingBuildings>; name: (buildingId: string) => string }) {
  return (
    <>
      {rows.map((b) => (
        <tr key={b.buildingId}>
          <th scope="row">{name(b.buildingId)}</th>
          <td>
            {b.failing}/{b.windows}
          </td>
          <td>{b.floors.join(', ')}</td>
          <td>{formatHours(b.minHours)}</td>
        </tr>
      ))}
    </>
  );
}
