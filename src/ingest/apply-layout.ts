/**
 * The user's layout choice, applied to the inferred column roles. Column roles decide how a table
 * is read; the layout switch is a shortcut over them:
 * - `wide`: columns whose header is a period (`2024年`) are unpivoted, whatever was inferred;
 * - `long`: nothing is unpivoted; columns inferred as wide (period/indicator/region columns) are
 *   left out, since a long table carries those as cell values.
 * Roles the user set column by column always win.
 */
import type { ColumnRole } from './types';
import { headerPeriod } from './infer-roles';

const WIDE_ROLES: ReadonlySet<ColumnRole> = new Set(['period-column', 'indicator-column', 'region-column']);

/**
 * @example applyLayout(['地区', '2024年'], ['region', 'value'], 'wide', new Set()) // ['region', 'period-column']
 */
export function applyLayout(
  headers: readonly string[],
  roles: readonly ColumnRole[],
  layout: 'long' | 'wide' | undefined,
  chosenByUser: ReadonlySet<string>,
): ColumnRole[] {
  if (!layout) return [...roles];
  return roles.map((role, i) => {
    if (chosenByUser.has(headers[i])) return role;
    if (layout === 'wide') {
      return (role === 'value' || role === 'ignore') && headerPeriod(headers[i]) !== undefined ? 'period-column' : role;
    }
    return WIDE_ROLES.has(role) ? 'ignore' : role;
  });
}
