export { mappingConfigSchema, type MappingConfig, type DimensionRule, type EntityRoute, type PaymentMethodMapping, type SalesDocumentRule, type SettlementGateway, type ProductField } from './mapping-config.schema.js';
export { parseMappingConfig, loadMappingConfig, describeConfigProblems, type ConfigProblem } from './load-mapping-config.js';
export { compileRule, jsonataExpression, holds, type CompiledRule } from './jsonata-rule.js';
export { resolveDimensions, routeEntity, paymentMapping, statusMap, salesDocumentType, type Dimensions } from './rules.js';
