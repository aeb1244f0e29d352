// A Node built-in the browser build never reaches (exceljs's file and stream helpers).
module.exports = {};
