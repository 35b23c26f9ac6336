/** Links out of the places screens. A resident opens the person's profile in the 人口 tab. */
export function personPath(id: number): string {
  return `/people/${id}`;
}
