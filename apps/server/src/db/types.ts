/**
 * Kysely table types. One interface per table, named as the glossary names the concept;
 * each module's tables live in its own file under db/tables/ and are gathered here.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Database {}
