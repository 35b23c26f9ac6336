/** The colours of the three lights (三色亮灯) and of a ticket without one, as the command center draws them. */
export const lightColors = { green: '#52c41a', yellow: '#faad14', red: '#f5222d', none: '#8c8c8c' } as const;

/** A change for the better and for the worse; a change with no side stays neutral. */
export const toneColors = { better: '#389e0d', worse: '#cf1322' } as const;

/** The wall's background, also behind its maps and saved charts. */
export const WALL_BACKGROUND = '#0b1a2e';
