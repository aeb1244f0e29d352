// Stands in for a Node built-in that a bundled package requires when it loads but uses only in
// paths the tool never takes (commander's executable subcommands: child_process, which loads
// net and dgram too; exceljs's sheet-protection hashing and uuid's random numbers: crypto). The real module is required
// on first use, so behaviour is unchanged and start-up does not pay for it.
/* global BUILTIN */
let real;
module.exports = new Proxy(
  {},
  {
    get(_, key) {
      // Asked by esbuild's interop when the package imports it as an ES module: answered without loading.
      if (key === '__esModule') return false;
      real ??= require(BUILTIN);
      return real[key];
    },
  },
);
