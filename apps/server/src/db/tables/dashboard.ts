/** Tables of the command center (migration 0017). */
export interface UnitDayFigureTable {
  unit_id: number;
  /** The China day (YYYY-MM-DD) the figures are of. */
  day: string;
  open: number;
  red: number;
  yellow: number;
  people: number;
  households: number;
  grids: number;
  staff_on_duty: number;
  recorded_at: Date;
}
