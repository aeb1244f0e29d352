// esbuild plugins both builds share (scripts/bundle.mjs for the CLI, scripts/build-app.mjs for
// the browser app): what of exceljs and iconv-lite the tool never runs is left out.
import path from 'node:path';

/**
 * iconv-lite's double-byte tables (Chinese, Korean, EUC-JP: ~230 KB) and its single-byte code
 * pages (~30 KB) would be parsed at every start that decodes a CP932 file, though the tool reads
 * no other encoding through it (SPEC §2: UTF-8 and UTF-16 go through TextDecoder, CP932 through
 * iconv-lite). Each double-byte table is required lazily by the encoding that uses it: every one
 * but shiftjis.json (CP932's) is replaced by a stub that would throw if ever asked for; the
 * generated single-byte code pages by an empty list (those encodings are then unknown).
 */
export function onlyCp932Tables(root) {
  const stub = path.join(root, 'scripts', 'stubs', 'iconv-table.cjs');
  const noCodePages = path.join(root, 'scripts', 'stubs', 'iconv-no-code-pages.cjs');
  return {
    name: 'only-cp932-tables',
    setup(build) {
      build.onResolve({ filter: /^\.\/sbcs-data-generated$/ }, (args) =>
        args.importer.includes(`${path.sep}iconv-lite${path.sep}`) ? { path: noCodePages } : undefined,
      );
      build.onResolve({ filter: /^\.\/tables\/.*\.json$/ }, (args) =>
        args.importer.includes(`${path.sep}iconv-lite${path.sep}`) && path.basename(args.path) !== 'shiftjis.json'
          ? { path: stub }
          : undefined,
      );
    },
  };
}

/** exceljs's `../csv/csv` (fast-csv, dayjs) becomes a stub: the tool never reads CSV through exceljs. */
export function withoutExceljsCsv(root) {
  return {
    name: 'without-exceljs-csv',
    setup(build) {
      build.onResolve({ filter: /^\.\.\/csv\/csv$/ }, (args) =>
        args.importer.includes(`${path.sep}exceljs${path.sep}`)
          ? { path: path.join(root, 'scripts', 'stubs', 'exceljs-csv.cjs') }
          : undefined,
      );
    },
  };
}
