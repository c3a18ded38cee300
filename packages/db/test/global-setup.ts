import { setupTestTemplate } from '../src/testing.ts';

export default () => setupTestTemplate();
