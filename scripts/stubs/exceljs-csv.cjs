// Stands in for exceljs's CSV support (fast-csv, dayjs …) in the CLI's bundle: the tool reads CSV
// with csv-parse and never through exceljs, so loading it only cost start-up time.
module.exports = class CSV {
  constructor() {
    throw new Error("exceljs's CSV support is not in tsup-report's bundle");
  }
};
