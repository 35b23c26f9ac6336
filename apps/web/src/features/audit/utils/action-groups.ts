/** Common action-code prefixes, offered in the filter with a readable name; any other prefix can be typed. */
export const ACTION_GROUPS = [
  ['auth.login', 'login'],
  ['auth.', 'auth'],
  ['access.denied', 'denied'],
  ['user.', 'user'],
  ['grant.', 'grant'],
  ['audit.', 'audit'],
  ['unit.', 'unit'],
  ['staff.', 'staff'],
  ['household.', 'household'],
  ['person.', 'person'],
] as const;
