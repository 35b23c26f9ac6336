/**
 * A category's extra fields (its `fieldsSchema`, a JSON Schema) as form fields. Only what a category
 * needs: an object whose properties are strings, numbers, integers, booleans or enums, with titles
 * as labels and `required`. Anything else is left out of the form (the server still judges it).
 */
export type FieldKind = 'string' | 'number' | 'integer' | 'boolean' | 'enum';

export interface FieldSpec {
  name: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  description?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  options?: (string | number)[];
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function kindOf(p: Json): FieldKind | undefined {
  if (Array.isArray(p.enum) && p.enum.every((e) => typeof e === 'string' || typeof e === 'number')) return 'enum';
  const type = Array.isArray(p.type) ? p.type.find((t) => t !== 'null') : p.type;
  return type === 'string' || type === 'number' || type === 'integer' || type === 'boolean' ? type : undefined;
}

/**
 * The fields of an object schema, required ones first, otherwise in the schema's order (which the
 * database's jsonb does not keep); `[]` for no schema or an unusable one.
 */
export function fieldSpecs(schema: Record<string, unknown> | null | undefined): FieldSpec[] {
  if (!isObject(schema) || !isObject(schema.properties)) return [];
  const required = new Set(Array.isArray(schema.required) ? schema.required.filter((r) => typeof r === 'string') : []);
  const specs: FieldSpec[] = [];
  for (const [name, raw] of Object.entries(schema.properties)) {
    if (!isObject(raw)) continue;
    const kind = kindOf(raw);
    if (!kind) continue;
    const spec: FieldSpec = { name, label: typeof raw.title === 'string' ? raw.title : name, kind, required: required.has(name) };
    if (typeof raw.description === 'string') spec.description = raw.description;
    const bounds = {
      minimum: num(raw.minimum),
      maximum: num(raw.maximum),
      minLength: num(raw.minLength),
      maxLength: num(raw.maxLength),
    };
    for (const [key, value] of Object.entries(bounds)) if (value !== undefined) spec[key as keyof typeof bounds] = value;
    if (typeof raw.pattern === 'string') spec.pattern = raw.pattern;
    if (kind === 'enum') spec.options = raw.enum as (string | number)[];
    specs.push(spec);
  }
  return [...specs.filter((f) => f.required), ...specs.filter((f) => !f.required)];
}

/** The values to send: empty answers left out, so an optional field left blank is absent, not "". */
export function cleanFieldValues(specs: FieldSpec[], values: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const spec of specs) {
    let value = values?.[spec.name];
    if (typeof value === 'string') value = value.trim();
    if (value === undefined || value === null || value === '') continue;
    out[spec.name] = value;
  }
  return out;
}
