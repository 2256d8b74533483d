// Resolves the @bihuan/<lib> aliases of tsconfig.base.json against the compiled tree in dist/,
// so `node -r ./tools/register-paths.js dist/apps/<app>/src/main.js` runs what `npm run build` made.
const path = require('path');
const tsconfigPaths = require('tsconfig-paths');
const base = require('../tsconfig.base.json');
tsconfigPaths.register({
  baseUrl: path.join(__dirname, '..', 'dist'),
  paths: base.compilerOptions.paths,
});
