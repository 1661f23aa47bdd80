export { E2eStack, WEBHOOK_SECRET } from './e2e-stack.js';
