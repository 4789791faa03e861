// Builds the widget into ../wwwroot/widget (committed, so `dotnet run` needs no Node).
// Deterministic: the same sources and lock file give byte-identical files; CI rebuilds and diffs them.
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';

const out = new URL('../wwwroot/widget/', import.meta.url).pathname;
await mkdir(out, { recursive: true });

const common = {
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020', 'chrome90', 'firefox90', 'safari15'],
  legalComments: 'none',
  charset: 'utf8',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
};

// The loader runs on the merchant's page: tiny, no dependencies, no globals but window.vs.
await build({ ...common, entryPoints: ['src/loader/index.ts'], outfile: out + 'loader.js' });

// The chat UI runs in its own document (an iframe served by the app), loaded on first interaction.
await build({
  ...common,
  entryPoints: ['src/chat/index.tsx'],
  outfile: out + 'chat.js',
  jsx: 'automatic',
  jsxImportSource: 'preact',
});
await build({ ...common, entryPoints: ['src/chat/chat.css'], outfile: out + 'chat.css', loader: { '.css': 'css' } });
await copyFile('src/chat/chat.html', out + 'chat.html');
await copyFile('src/loader/virtualshopping.d.ts', out + 'virtualshopping.d.ts');
console.log('built into ' + out);
