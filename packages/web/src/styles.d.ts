// Stylesheets are imported for their side effect; Vite bundles them (TypeScript 7 checks side-effect imports).
declare module '*.css';
