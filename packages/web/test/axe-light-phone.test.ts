import { axeSuite } from './support/axe-pages';

// One theme at one size per file, so the browser workers share the pages out between them.
axeSuite('light', 'phone');
