/** Where the 人口与房屋 screens live; every link into them goes through these. */
export type PeopleSection = 'people' | 'buildings' | 'organizations' | 'import';

export const PEOPLE_PATH = '/people';

export function personPath(id: number): string {
  return `${PEOPLE_PATH}/${id}`;
}

/** A tab of the page; `within` keeps the scope when moving between tabs. */
export function sectionPath(section: PeopleSection, within?: number): string {
  const base = section === 'people' ? PEOPLE_PATH : `${PEOPLE_PATH}/${section}`;
  return within === undefined ? base : `${base}?within=${within}`;
}

/**
 * The 楼栋 tab searching for one building, its houses open. No `within`: the building's unit may
 * lie above the person's, so the user's default scope is the one sure to hold it.
 */
export function buildingPath(building: { id: number; name: string }): string {
  const params = new URLSearchParams({ q: building.name, building: String(building.id) });
  return `${PEOPLE_PATH}/buildings?${params.toString()}`;
}
