// The floor for XLSX: exceljs's streaming reader, counting rows, nothing else.
import ExcelJS from 'exceljs';

const reader = new ExcelJS.stream.xlsx.WorkbookReader(process.argv[2], {
  worksheets: 'emit',
  sharedStrings: 'cache',
  styles: 'cache',
  hyperlinks: 'ignore',
  entries: 'ignore',
});
let rows = 0;
for await (const sheet of reader) for await (const _ of sheet) rows++;
console.log(rows);
