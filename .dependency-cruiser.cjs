// Layer rules, checked by `npm run check` (and so by npm test): domain code stays free of
// I/O, services do not reach into each other, the platform knows no service.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'domain/ holds rules only: no routes, handlers, stores, events, use cases or I/O clients',
      severity: 'error',
      from: { path: '^services/[^/]+/src/domain/' },
      to: {
        path: [
          '^services/[^/]+/src/(http|grpc|events|store|use-cases)/',
          'node_modules/(koa|@koa|pg|mongodb|@dapr|@grpc|kafkajs|@elastic)/',
        ],
      },
    },
    {
      name: 'services-stay-apart',
      comment: 'a service talks to another through Dapr, never by importing its code',
      severity: 'error',
      from: { path: '^services/([^/]+)/' },
      to: { path: '^services/', pathNot: '^services/$1/' },
    },
    {
      name: 'platform-knows-no-service',
      comment: 'its tests may use the test-only probe apps; its code knows no app',
      severity: 'error',
      from: { path: '^packages/[^/]+/src/' },
      to: { path: '^(services|tests)/' },
    },
    {
      name: 'till-kit-runs-in-the-browser',
      comment: 'the till web app\'s domain kit is bundled for the browser: no Node built-ins, no server code',
      severity: 'error',
      from: { path: '^services/till/web/kit/' },
      to: {
        dependencyTypes: ['core'],
      },
    },
    {
      name: 'till-kit-is-pure',
      comment: 'the kit holds rules only: no I/O clients of the servers either',
      severity: 'error',
      from: { path: '^services/till/web/kit/' },
      to: { path: ['^packages/', 'node_modules/(koa|@koa|pg|mongodb|@dapr|@grpc|kafkajs|@elastic|zod)/'] },
    },
    {
      name: 'no-cycles',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)\\.dapr/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
