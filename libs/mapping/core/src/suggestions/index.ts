export { suggestFieldMappings, type FieldMappingSuggestion, type SuggestOptions } from './suggest-field-mappings.js';
export { toDraftYaml, type DraftOptions } from './draft-yaml.js';
export { targetFieldSchema, type TargetField } from './target-field.schema.js';
export { parseTargetList, parseTargetLines, parseTargetSpec } from './target-list.js';
