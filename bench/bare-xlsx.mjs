// The floor for XLSX: exceljs's full reader (as tsup-report uses it) loading the file, counting rows.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';

const workbook = new ExcelJS.Workbook();
await workbook.xlsx.load(await readFile(process.argv[2]));
let rows = 0;
for (const sheet of workbook.worksheets) sheet.eachRow(() => rows++);
console.log(rows);
